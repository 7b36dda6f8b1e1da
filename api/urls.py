# The JSON API is mounted here; it lives outside the language prefix.
urlpatterns: list = []
