"""django-csp's middleware with per-path additions (settings.CSP_PATH_POLICIES).

The site-wide policy stays strict; only the prefixes listed there (Wagtail's admin, the API docs)
get the few extra sources their third-party code needs. A view's own csp_update/csp_replace
decorators still win over the path's.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from csp.middleware import CSPMiddleware, PolicyParts


def path_policy(request: HttpRequest) -> dict:
    """CSP_PREVIEW_POLICY for Wagtail's preview requests, else the CSP_PATH_POLICIES entry of the
    first prefix that the path starts with, else {}."""
    # Wagtail renders a preview through the whole middleware stack with a dummy request for the
    # page's public path; the admin then shows that response in a same-origin iframe.
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return getattr(settings, "CSP_PREVIEW_POLICY", {})
    path = request.path_info
    for prefix, policy in getattr(settings, "CSP_PATH_POLICIES", {}).items():
        if path.startswith(prefix):
            return policy
    return {}


class PathScopedCSPMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # The 500 page stands alone (no static files, no database) with an inline <style>.
        policy = getattr(settings, "CSP_ERROR_POLICY", {}) if response.status_code >= 500 else path_policy(request)
        if parts.update is None and policy.get("update"):
            parts.update = policy["update"]
        if parts.replace is None and policy.get("replace"):
            parts.replace = policy["replace"]
        return parts
