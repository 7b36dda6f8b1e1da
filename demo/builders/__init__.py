"""Builders of the demo content, one module per content type.

``manage.py load_demo`` runs them in this order (see BUILD_STEPS in the
command), because later content points at earlier content:

1. media.generate_images, media.generate_documents  - Pillow images, agenda PDF
2. snippets.generate_snippets   - sectors, countries, organisations, programme, people
3. site.generate_site           - home page as site root, section indexes, standard pages
4. directory.generate_projects  - the Balkan Cluster project
5. directory.generate_clusters  - cluster profiles with quality labels
6. events.generate_events       - Sofia conference, Kyustendil anniversary, Days of Clusters 2027
7. galleries.generate_galleries - photos of the Sofia conference
8. news.generate_news           - news (one left in Serbian only)
9. translations.generate_translations - English through wagtail-localize, in queue order
10. synthetic.generate_synthetic (only with --scale N)
"""
