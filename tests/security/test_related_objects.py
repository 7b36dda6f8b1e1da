"""Relations shown on the site (organisers, related clusters, an event's gallery, a
gallery's event) obey the visibility rule: a draft snippet or a page that is not
public is left out, while its public neighbours stay."""

import datetime

from django.utils import timezone

from wagtail.models import PageViewRestriction

from tests import factories as f


def test_draft_organisation_is_not_listed_among_the_organisers(client, site):
    draft = f.OrganisationFactory(name="Skica Konsalting", slug="skica", live=False)
    public = f.OrganisationFactory(name="Tekstilni Klaster Jug", slug="tkj")
    event = f.EventPageFactory(parent=site["event_index"], title="Dan klastera", slug="dan-klastera")
    event.organisers.set([draft, public])
    event.save_revision().publish()

    html = client.get(event.url).content.decode()
    assert "Tekstilni Klaster Jug" in html
    assert "Skica Konsalting" not in html


def test_related_clusters_that_are_not_public_are_not_linked(client, site):
    public = f.ClusterPageFactory(parent=site["cluster_index"], title="Klaster Vidljivi", slug="vidljivi")
    expired = f.ClusterPageFactory(
        parent=site["cluster_index"],
        title="Klaster Istekli",
        slug="istekli",
        expire_at=timezone.now() - datetime.timedelta(hours=1),
    )
    restricted = f.ClusterPageFactory(parent=site["cluster_index"], title="Klaster Zatvoreni", slug="zatvoreni")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    news = f.NewsPageFactory(parent=site["news_index"], title="Vest o klasterima", slug="vest-o-klasterima")
    news.related_clusters.set([public, expired, restricted])
    news.save_revision().publish()

    html = client.get(news.url).content.decode()
    assert "Klaster Vidljivi" in html
    assert "Klaster Istekli" not in html and "/istekli/" not in html
    assert "Klaster Zatvoreni" not in html and "/zatvoreni/" not in html


def test_gallery_of_an_event_and_event_of_a_gallery_must_be_public(client, site):
    event = f.EventPageFactory(parent=site["event_index"], title="Forum u Sofiji", slug="forum-sofija")
    gallery = f.GalleryPageFactory(parent=site["gallery_index"], title="Fotografije foruma", slug="foto-forum")
    gallery.event = event
    gallery.save_revision().publish()
    assert "Forum u Sofiji" in client.get(gallery.url).content.decode()
    assert "/foto-forum/" in client.get(event.url).content.decode()

    PageViewRestriction.objects.create(page=gallery, restriction_type=PageViewRestriction.LOGIN)
    assert "/foto-forum/" not in client.get(event.url).content.decode()

    gallery.view_restrictions.all().delete()
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(gallery.url).content.decode()
    assert "Fotografije foruma" in html
    assert "Forum u Sofiji" not in html and "/forum-sofija/" not in html
