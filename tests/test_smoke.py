from tests.factories import NewsPageFactory


def test_news_page_is_served_under_its_language_prefix(client, site):
    news = NewsPageFactory(parent=site["news_index"], title="Dan klastera", slug="dan-klastera")
    assert news.url == "/sr-latn/vesti/dan-klastera/"
