"""Public website of each centre: its settings, pages, news and galleries."""

from .accessibility import AccessibilityStatementPage
from .gallery import GalleryImage, GalleryPage
from .news import NewsCategory, NewsIndexPage, NewsPage, NewsPageRelatedLink, NewsPageTag
from .pages import HomePage, StandardPage

__all__ = [
    "AccessibilityStatementPage",
    "GalleryImage",
    "GalleryPage",
    "HomePage",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageRelatedLink",
    "NewsPageTag",
    "StandardPage",
]
