"""drf-spectacular hooks and the schema view."""

from typing import Any

from django.utils import translation

from drf_spectacular.views import SpectacularAPIView

# Keys every item carries whatever ``fields=`` asks for (see LocalizedItemSerializer.keep_fields).
ALWAYS_RETURNED = ("id", "type")

# The null value as an OAS 3.0 schema (3.0 has no "type: null"): nullable, and only null.
NULL_SCHEMA: dict[str, Any] = {"type": "object", "nullable": True, "enum": [None]}


def only_v1(endpoints: list[tuple[str, str, str, Any]], **kwargs: Any) -> list[tuple[str, str, str, Any]]:
    """Keep only our documented API; Wagtail's admin and v2 endpoints stay out of the schema."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def item_type_names() -> dict[str, str]:
    """Component name → value of ``type`` for every item component (pages, snippets, resolve)."""
    from .other_views import GenericPageSerializer
    from .serializers.registry import PAGE_SERIALIZERS
    from .serializers.snippets import CountrySerializer, OrganisationSerializer, PersonSerializer, SectorSerializer

    names: dict[str, str] = {}
    for serializer in (*PAGE_SERIALIZERS, GenericPageSerializer):
        names[serializer.__name__.removesuffix("Serializer")] = serializer.type_name
        names[serializer.detail_variant().__name__.removesuffix("Serializer")] = serializer.type_name
    for serializer in (SectorSerializer, CountrySerializer, OrganisationSerializer, PersonSerializer):
        names[serializer.__name__.removesuffix("Serializer")] = serializer.type_name
    return names


def sparse_items(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Item components as a sparse fieldset (``fields=``) returns them.

    Only ``id`` and ``type`` are always there, so only they are required (a
    generated client must not raise KeyError on ``fields=id,title``), and
    ``type`` is the one value of its component: the discriminator of resolve
    and the oneOf of search match exactly one component.
    """
    schemas = result.get("components", {}).get("schemas", {})
    for name, type_name in item_type_names().items():
        schema = schemas.get(name)
        if schema is None:
            continue
        schema["required"] = [key for key in ALWAYS_RETURNED if key in schema.get("properties", {})]
        schema["properties"]["type"] = {"type": "string", "enum": [type_name], "readOnly": True}
    return result


def public_operations(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Drop ``security: [{}]`` ("no authentication") from the operations of a public API.

    With no security schemes and no top-level ``security`` it says nothing the
    absence of ``security`` does not, but openapi-python-client reads any
    ``security`` as "authenticated": every generated function would demand an
    ``AuthenticatedClient`` instead of a plain ``Client``.
    """
    if result.get("security") or result.get("components", {}).get("securitySchemes"):
        return result
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and operation.get("security") == [{}]:
                del operation["security"]
    return result


def or_null(node: dict[str, Any]) -> None:
    """Rewrite ``node`` in place if it is "a component, or null" in drf-spectacular's form.

    drf-spectacular writes a null relation (``allow_null=True``) as
    ``{allOf: [{$ref: X}], nullable: true}``. In OAS 3.0 ``nullable`` only
    widens a ``type`` of the same Schema Object, and the ``allOf`` branch (an
    object) still rejects null: OAS 3.0 validators (openapi-schema-validator)
    fail every response whose relation is null. ``oneOf: [X, NULL_SCHEMA]`` says
    "X or null" to the validators, schemathesis and openapi-python-client
    (``X | None``). The keys beside it (readOnly, description) stay.
    """
    if node.get("nullable") is not True or "type" in node or "discriminator" in node:
        return
    if "allOf" in node:
        branches = node.pop("allOf")
        node["oneOf"] = [branches[0] if len(branches) == 1 else {"allOf": branches}, dict(NULL_SCHEMA)]
    elif "oneOf" in node or "anyOf" in node:
        branches = node["oneOf" if "oneOf" in node else "anyOf"]
        if NULL_SCHEMA not in branches:
            branches.append(dict(NULL_SCHEMA))
    else:
        return
    del node["nullable"]


def nullable_refs(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Every "component, or null" of the schema as OAS 3.0 validators read it (see or_null())."""
    stack: list[Any] = [result]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            or_null(node)
            stack.extend(value for key, value in node.items() if key not in ("example", "examples"))
        elif isinstance(node, list):
            stack.extend(node)
    return result


class EnglishSchemaView(SpectacularAPIView):
    """The schema in English whatever the client's Accept-Language: one stable contract."""

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        with translation.override("en"):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()  # while English is active: labels are lazy strings
        return response
