import datetime

from tests.factories import NewsPageFactory


def test_news_page_is_served_under_its_language_prefix(client, site):
    NewsPageFactory(
        parent=site["news_index"],
        title="Dan klastera",
        slug="dan-klastera",
        date=datetime.date(2025, 4, 22),
        lead="Klasteri su se okupili u Nišu.",
    )

    response = client.get("/sr-latn/vesti/dan-klastera/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="sr-Latn">' in content
    assert "<h1>Dan klastera</h1>" in content
    assert '<time datetime="2025-04-22">22. aprila 2025.</time>' in content
    assert '<p class="lead">Klasteri su se okupili u Nišu.</p>' in content

    # The news section lists the article with a link to that address.
    response = client.get("/sr-latn/vesti/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Vesti</h1>" in content
    assert '<a href="/sr-latn/vesti/dan-klastera/">Dan klastera</a>' in content
