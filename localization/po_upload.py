"""A stricter replacement for wagtail-localize's PO upload view.

wagtail-localize's own view answers a PO file without its translation header
with a server error (KeyError) and reports "Successfully imported" even when
strings were skipped because they no longer exist in the source. This view
refuses a file that is not a PO file, has no header, or belongs to another
translation (naming the page it belongs to), and lists what it skipped.
Importing never deletes a translation: empty msgstr entries are ignored.
"""

import contextlib
import os
import tempfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import StringNotUsedInContext, Translation, UnknownContext, UnknownString
from wagtail_localize.views.edit_translation import user_can_edit_instance

import polib

HEADER = "X-WagtailLocalize-TranslationID"


def _read_po(upload: bytes) -> polib.POFile | None:
    # polib takes a file name or the contents; a file keeps uploaded text from
    # being taken for a file name.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(upload)
    try:
        return polib.pofile(handle.name, encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def _describe(translation: Translation) -> str:
    return _("“%(object)s” (%(language)s)") % {
        "object": translation.source.object_repr,
        "language": translation.target_locale.get_display_name(),
    }


@require_POST
def upload_pofile(request: HttpRequest, translation_id: int) -> HttpResponse:
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")

    upload = request.FILES.get("file")
    po = _read_po(upload.read()) if upload is not None else None
    if po is None or (not len(po) and HEADER not in po.metadata):
        messages.error(request, _("This is not a valid PO file; nothing was imported."))
        return redirect(next_url)
    if HEADER not in po.metadata:
        messages.error(
            request,
            _("This PO file was not downloaded from this site (it has no %(header)s); nothing was imported.")
            % {"header": HEADER},
        )
        return redirect(next_url)
    if po.metadata[HEADER] != str(translation.uuid):
        other = Translation.objects.filter(uuid=po.metadata[HEADER]).select_related("source").first()
        if other is not None:
            message = _("This PO file is for %(other)s, not for %(this)s; nothing was imported.") % {
                "other": _describe(other),
                "this": _describe(translation),
            }
        else:
            message = _("This PO file is for a translation that no longer exists; nothing was imported.")
        messages.error(request, message)
        return redirect(next_url)

    with transaction.atomic():
        warnings = translation.import_po(po, user=request.user, tool_name="PO File")
    skipped = [
        warning.string if isinstance(warning, UnknownString | StringNotUsedInContext) else warning.context
        for warning in warnings
        # Untranslated entries are skipped silently anyway; report only lost work.
        if isinstance(warning, UnknownString | UnknownContext | StringNotUsedInContext) and po[warning.index].msgstr
    ]
    if skipped:
        messages.warning(
            request,
            ngettext(
                "%(count)d string was not imported because it is no longer in the source: %(strings)s",
                "%(count)d strings were not imported because they are no longer in the source: %(strings)s",
                len(skipped),
            )
            % {"count": len(skipped), "strings": "; ".join(f"“{text}”" for text in skipped)},
        )
    imported = len(po.translated_entries()) - len(skipped)
    messages.success(
        request,
        ngettext(
            "Imported %(count)d translated string from the PO file.",
            "Imported %(count)d translated strings from the PO file.",
            imported,
        )
        % {"count": imported},
    )
    return redirect(next_url)
