from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from allauth.account.signals import user_logged_in
        from allauth.mfa import signals as mfa_signals
        from django.contrib.auth.models import Group
        from django.contrib.auth.signals import user_login_failed
        from django.db.models.signals import m2m_changed, post_migrate, post_save, pre_delete
        from wagtail.models import Site

        from accounts import signals
        from accounts.models import User
        from accounts.roles import section_page_types
        from core.models import Centre

        post_save.connect(signals.centre_saved, sender=Centre, dispatch_uid="accounts_centre_saved")
        post_save.connect(signals.site_saved, sender=Site, dispatch_uid="accounts_site_saved")
        pre_delete.connect(signals.centre_deleting, sender=Centre, dispatch_uid="accounts_centre_deleting")
        pre_delete.connect(signals.group_deleting, sender=Group, dispatch_uid="accounts_group_deleting")
        pre_delete.connect(signals.user_deleting, sender=User, dispatch_uid="accounts_user_deleting")
        m2m_changed.connect(
            signals.memberships_changed, sender=User.groups.through, dispatch_uid="accounts_memberships_changed"
        )
        for model in section_page_types():
            post_save.connect(signals.section_page_saved, sender=model, dispatch_uid=f"accounts_section_{model._meta}")
        post_migrate.connect(signals.migrated, sender=self, dispatch_uid="accounts_migrated")
        user_logged_in.connect(signals.logged_in, dispatch_uid="accounts_logged_in")
        user_login_failed.connect(signals.login_failed, dispatch_uid="accounts_login_failed")
        mfa_signals.authentication_failed.connect(signals.mfa_failed, dispatch_uid="accounts_mfa_failed")
        mfa_signals.authenticator_added.connect(signals.mfa_added, dispatch_uid="accounts_mfa_added")
        mfa_signals.authenticator_removed.connect(signals.mfa_removed, dispatch_uid="accounts_mfa_removed")
        mfa_signals.authenticator_reset.connect(signals.mfa_reset, dispatch_uid="accounts_mfa_reset")
