from wagtail.signals import page_published, page_unpublished

from search.indexing import remove_entry, update_entry


def _on_published(sender, instance, **kwargs):
    update_entry(instance)


def _on_unpublished(sender, instance, **kwargs):
    remove_entry(instance)


def connect():
    # Deleted pages need no handler: their entry goes with them (on_delete=CASCADE).
    # Wagtail sends these signals with the specific page class as sender, so listen to all.
    page_published.connect(_on_published, dispatch_uid="search_page_published")
    page_unpublished.connect(_on_unpublished, dispatch_uid="search_page_unpublished")
