"""Scheduled publishing: the documented scheduler line really publishes pages."""

import datetime
from unittest import mock

from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone

from home.models import NewsPage
from tests.factories import make_news_index


def test_a_scheduled_news_item_goes_live_when_the_scheduler_runs(jaslo, client):
    index = make_news_index(jaslo)
    news = NewsPage(title="Zbiórka przed zimą", lead="Pomóż dzieciom przetrwać zimę.", live=False)
    index.add_child(instance=news)
    news.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    news.save_revision().publish()
    news.refresh_from_db()
    assert not news.live
    assert client.get("/aktualnosci/zbiorka-przed-zima/").status_code == 404

    call_command("publish_scheduled")
    news.refresh_from_db()
    assert not news.live, "published before its time"

    two_hours_later = timezone.now() + datetime.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=two_hours_later):
        call_command("publish_scheduled")

    news.refresh_from_db()
    assert news.live
    assert client.get("/aktualnosci/zbiorka-przed-zima/").status_code == 200
    search_page = BeautifulSoup(client.get("/szukaj/", {"q": "zbiorka"}).content.decode(), "html.parser")
    assert [a.get_text() for a in search_page.select(".search-result-title a")] == ["Zbiórka przed zimą"]
    assert "Zbiórka przed zimą" in client.get("/kanal/rss/").content.decode()
