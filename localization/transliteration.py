"""Serbian Latin → Serbian Cyrillic transliteration for plain text and HTML.

Serbian Latin (latinica, Gaj's alphabet) and Serbian Cyrillic (ćirilica, Vuk's
alphabet) have 30 letters each that map one to one. Three Cyrillic letters are
written with two Latin letters (digraphs), which is the only hard part.

Letters
    a б c č ć d dž đ e f g h i j k l lj m n nj o p r s š t u v z ž become
    а б ц ч ћ д џ  ђ е ф г х и ј к л љ  м н њ  о п р с ш т у в з ж
    (a→а, b→б, ...), in the same case. "Ð" (U+00D0, the Icelandic eth that
    some keyboards produce instead of "Đ") is read as "Đ".

Digraphs
    "lj", "nj" and "dž" become one letter (љ, њ, џ) in every case form:
    "Lj"/"LJ" → Љ, "Nj"/"NJ" → Њ, "Dž"/"DŽ" → Џ.
    "dj" is NOT read as "đ": the old typewriter spelling "dj" is ambiguous
    ("podjednako" is под-једнако), so "Djordje" becomes "Дјордје"; source text
    must use "đ".

Digraph exceptions
    Where a prefix or foreign stem ends in n/d and the next morpheme starts
    with j/ž, the two letters are two Cyrillic letters ("nadživeti" →
    "надживети", "injekcija" → "инјекција"). ``DIGRAPH_EXCEPTIONS`` lists these
    stems with "|" where the pair must be split; a stem applies when the word
    starts with it, case-insensitively, and the word keeps its case
    ("Konjunkcija" → "Конјункција"). Stems, not whole words, so inflected forms
    are covered ("nadživela", "injekcijom"). Serbian orthography has no common
    l|j boundary, so every "lj" is љ. Similar-looking words that do have a
    real digraph are unaffected: "odžak" → "оџак", "nadžak" → "наџак",
    "inje" → "иње", "konj"/"konjak" → "коњ"/"коњак".

Left in Latin (a whole word or span is kept as it is)
    - URLs ("https://…", "ftp://…", "www.…", "mailto:…"), e-mail addresses,
      @handles and #hashtags, and domain or file names ending in a known
      extension or top-level domain ("agenda.pdf", "fed-bg.org").
    - HTML character references ("&amp;", "&#160;").
    - Words with a Latin letter that Serbian Latin does not have: q, w, x, y,
      or any other accented letter (ä, é, ü, ...): "Wagtail", "Xerox", "Müller".
    - Words with internal capitals, i.e. neither lower case, Title case nor ALL
      CAPS: brand names such as "ClusteRo", "iPhone", "eUprava".
    - Codes mixing letters and digits: "B2B", "H2020", "5G", "mp3".
    - Acronyms: an ALL-CAPS word of 2 to 5 letters with none of č ć đ š ž and
      no lj/nj digraph: "ESCA", "COSME", "TCI", "IPA", "EU", Roman numerals
      ("IV", "XII"). An all-caps word is transliterated when it is longer than
      5 letters or has a Serbian-only letter or digraph, because then it is a
      shouted Serbian word: "KUĆA" → "КУЋА", "LJUBAV" → "ЉУБАВ", "KLASTERA" →
      "КЛАСТЕРА". The rule looks at one word at a time, so a short all-caps
      Serbian word without such letters stays Latin ("VESTI"); editors should
      write headings in normal case and leave capitals to CSS. Single capital
      letters are words or initials ("I", "O", "P. Petrović") and are
      transliterated.
    Case endings attached with a hyphen are transliterated separately: "EU-a"
    → "EU-а".

Everything else (digits, punctuation, spaces, text already in Cyrillic)
passes through unchanged, so transliteration is idempotent.

HTML (``latin_html_to_cyrillic``)
    Only text between tags is transliterated; tags, comments and character
    references are copied byte for byte. Of the attributes, only the human
    readable ``alt``, ``title``, ``aria-label`` and ``placeholder`` values are
    transliterated; ``href``, ``src``, ``class``, ``id``, ``data-*`` and all
    others are never touched. Nothing inside ``<code>``, ``<pre>``, ``<kbd>``,
    ``<samp>``, ``<script>`` or ``<style>`` is changed, nor inside an element
    marked ``translate="no"``, ``class="notranslate"`` or with a ``lang`` that is
    not Serbian (``lang="en"``), including that element's own attributes.
"""

import re
import unicodedata

__all__ = ["DIGRAPH_EXCEPTIONS", "latin_html_to_cyrillic", "latin_to_cyrillic"]

_LETTERS = {
    "a": "а",
    "b": "б",
    "c": "ц",
    "č": "ч",
    "ć": "ћ",
    "d": "д",
    "đ": "ђ",
    "e": "е",
    "f": "ф",
    "g": "г",
    "h": "х",
    "i": "и",
    "j": "ј",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "r": "р",
    "s": "с",
    "š": "ш",
    "t": "т",
    "u": "у",
    "v": "в",
    "z": "з",
    "ž": "ж",
}
_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}
# Letters that exist only in Serbian Latin (not in plain ASCII acronyms).
_SERBIAN_ONLY = frozenset("čćđšž")
_ETH = "Ð"  # U+00D0, mistyped for Đ (U+0110)

# "|" marks where a digraph-looking pair is two letters. Keep this list to
# stems that cannot start a word with a real digraph at that place.
DIGRAPH_EXCEPTIONS: tuple[str, ...] = (
    # nad-, od-, pod-, pred- + a stem beginning with ž
    "nad|živ",  # nadživeti, nadživljavati
    "nad|žnj",  # nadžnjeti
    "nad|žanj",  # nadžanjem
    "nad|ždrel",  # nadždrelni
    "od|žal",  # odžaliti
    "od|živ",  # odživeti
    "pod|žanr",  # podžanr
    "pod|žup",  # podžupan, podžupanija
    "pod|želud",  # podželudačna žlezda
    "pod|žar",  # podžariti
    "pred|žetv",  # predžetveni
    # in-, kon-, van-, an- + a stem beginning with j
    "in|jekc",  # injekcija
    "in|jekt",  # injektor, injektirati
    "in|jic",  # injicirati
    "kon|jug",  # konjugacija
    "kon|junk",  # konjunkcija, konjunktura, konjunktivitis
    "kon|jekt",  # konjektura
    "van|jez",  # vanjezički
    "van|jug",  # vanjugoslovenski
    "van|jevr",  # vanjevropski
    "tan|jug",  # Tanjug (Telegrafska agencija nove Jugoslavije)
    "an|jon",  # anjon, anjonski
)


def _compile_exceptions(stems: tuple[str, ...]) -> list[tuple[str, frozenset[int]]]:
    compiled = []
    for stem in stems:
        splits = set()
        plain = ""
        for char in stem:
            if char == "|":
                splits.add(len(plain))
            else:
                plain += char
        compiled.append((plain, frozenset(splits)))
    return compiled


_EXCEPTIONS = _compile_exceptions(DIGRAPH_EXCEPTIONS)

# Spans that are never transliterated, tried before words.
_FILE_OR_DOMAIN_SUFFIXES = (
    "pdf|docx?|xlsx?|pptx?|od[tsp]|rtf|txt|csv|zip|rar|7z|jpe?g|png|gif|svg|webp|tiff?|mp[34]|avi|mov|html?|xml|json"
    "|com|org|net|edu|gov|int|info|biz|io|eu|rs|me|ba|hr|si|mk|bg|ro|hu|al|gr|at|de|it|fr|uk|ch|nl|be|pl|cz|sk|ru"
)
_PROTECTED = re.compile(
    rf"""
      (?:[a-z][a-z0-9+.-]*://|www\.|mailto:)[^\s<>"']+  # URL
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                      # e-mail address
    | (?<![\w@#])[@#]\w+                                # @handle, #hashtag
    | (?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:{_FILE_OR_DOMAIN_SUFFIXES})(?![\w-])  # file or domain name
    | &(?:[a-z][a-z0-9]*|\#[0-9]+|\#x[0-9a-f]+);        # character reference
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Letters, digits and combining marks (text in NFD form), with inner apostrophes.
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+(?:['’](?:[^\W_]|[\u0300-\u036f])+)*")


def _is_latin_letter(char: str) -> bool:
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN")


def _is_serbian_latin_letter(char: str) -> bool:
    return char.lower() in _LETTERS or char == _ETH


def _split_positions(word: str) -> frozenset[int]:
    lower = word.lower()
    for stem, splits in _EXCEPTIONS:
        if lower.startswith(stem):
            return splits
    return frozenset()


def _has_digraph(word: str) -> bool:
    lower = word.lower()
    return any(digraph in lower for digraph in _DIGRAPHS)


def _is_title_case(letters: str) -> bool:
    # A title-case word may start with a capitalised digraph in either form ("Lj", "LJ").
    if letters[:1].isupper() and letters[1:].islower():
        return True
    return letters[:2].lower() in _DIGRAPHS and letters[:2].isupper() and letters[2:].islower()


def _keeps_latin(word: str) -> bool:
    """True if ``word`` (NFC) is a brand, code, foreign word or acronym."""
    latin = [char for char in word if _is_latin_letter(char)]
    if not latin:
        return False  # digits or Cyrillic: nothing to do anyway
    if not all(_is_serbian_latin_letter(char) for char in latin):
        return True  # q, w, x, y or a foreign accented letter
    if any(char.isdigit() for char in word):
        return True  # a code such as B2B or H2020
    letters = "".join(char for char in word if char.isalpha())
    if letters.isupper():
        if len(letters) < 2 or len(letters) > 5:
            return False
        return not (_SERBIAN_ONLY & set(letters.lower()) or _has_digraph(letters))
    return not (letters.islower() or _is_title_case(letters))


def _transliterate_word(word: str) -> str:
    word = unicodedata.normalize("NFC", word)
    if _keeps_latin(word):
        return word
    splits = _split_positions(word)
    out = []
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        if pair.lower() in _DIGRAPHS and i + 1 not in splits:
            cyrillic = _DIGRAPHS[pair.lower()]
            out.append(cyrillic.upper() if pair[0].isupper() else cyrillic)
            i += 2
            continue
        char = word[i]
        if char == _ETH:
            out.append("Ђ")
        elif char.lower() in _LETTERS:
            cyrillic = _LETTERS[char.lower()]
            out.append(cyrillic.upper() if char.isupper() else cyrillic)
        else:
            out.append(char)
        i += 1
    return "".join(out)


def _transliterate_words(text: str) -> str:
    return _WORD.sub(lambda match: _transliterate_word(match.group()), text)


def latin_to_cyrillic(text: str) -> str:
    """Transliterate Serbian Latin plain text to Serbian Cyrillic.

    See the module docstring for the rules. Text that is already Cyrillic,
    digits and punctuation pass through unchanged.
    """
    out = []
    position = 0
    for match in _PROTECTED.finditer(text):
        out.append(_transliterate_words(text[position : match.start()]))
        out.append(match.group())
        position = match.end()
    out.append(_transliterate_words(text[position:]))
    return "".join(out)


# --- HTML -----------------------------------------------------------------

_MARKUP = re.compile(
    r"""
      <!--.*?-->                                   # comment
    | <!\[CDATA\[.*?\]\]>
    | <![^>]*>                                     # doctype
    | <\?.*?>                                      # processing instruction
    | </?[a-z][^\s/>]*(?:"[^"]*"|'[^']*'|[^'">])*>  # start or end tag
    """,
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
_TAG_NAME = re.compile(r"</?([a-z][^\s/>]*)", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_HUMAN_TEXT_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "placeholder"})
_CODE_ELEMENTS = frozenset({"code", "pre", "kbd", "samp"})
_RAW_TEXT_ELEMENTS = frozenset({"script", "style"})
_VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


def _attributes(tag: str, name_end: int) -> list[tuple[re.Match[str], str, str]]:
    """The attributes of a tag as (match, lower-case name, unquoted value)."""
    found = []
    for match in _ATTRIBUTE.finditer(tag, name_end, len(tag) - 1):
        value = match.group(3) or ""
        if value[:1] in {'"', "'"}:
            value = value[1:-1]
        found.append((match, match.group(1).lower(), value))
    return found


def _is_untranslatable(name: str, attributes: list[tuple[re.Match[str], str, str]]) -> bool:
    if name in _CODE_ELEMENTS or name in _RAW_TEXT_ELEMENTS:
        return True
    for _match, attribute, value in attributes:
        value = value.strip().lower()
        if attribute == "translate" and value == "no":
            return True
        if attribute == "class" and "notranslate" in value.split():
            return True
        if attribute == "lang" and value and value != "sr" and not value.startswith("sr-"):
            return True
    return False


def _transliterate_attributes(tag: str, attributes: list[tuple[re.Match[str], str, str]]) -> str:
    out = []
    position = 0
    for match, attribute, _value in attributes:
        if attribute not in _HUMAN_TEXT_ATTRIBUTES or match.group(3) is None:
            continue
        start, end = match.span(3)
        out.append(tag[position:start])
        out.append(latin_to_cyrillic(tag[start:end]))  # quotes are punctuation: unchanged
        position = end
    out.append(tag[position:])
    return "".join(out)


def latin_html_to_cyrillic(html: str) -> str:
    """Transliterate the Serbian Latin text of an HTML fragment to Cyrillic.

    Markup is copied unchanged except for the values of human-readable
    attributes (alt, title, aria-label, placeholder); code, scripts and
    elements marked as not Serbian or not to be translated are left alone.
    See the module docstring for the rules.
    """
    out = []
    position = 0
    skip_name = None  # the element whose content is left alone
    skip_depth = 0
    while position < len(html):
        match = _MARKUP.search(html, position)
        if match is None:
            text, markup, position = html[position:], "", len(html)
        else:
            text, markup, position = html[position : match.start()], match.group(), match.end()
        out.append(text if skip_name else latin_to_cyrillic(text))
        if not markup:
            break
        name_match = _TAG_NAME.match(markup)
        if name_match is None:  # comment, doctype, ...
            out.append(markup)
            continue
        name = name_match.group(1).lower()
        is_end = markup.startswith("</")
        is_empty = name in _VOID_ELEMENTS or markup[:-1].rstrip().endswith("/")
        if skip_name:
            # Count nested elements of the same name to find the one that ends the skip.
            if name == skip_name and not is_empty:
                skip_depth += -1 if is_end else 1
                if skip_depth == 0:
                    skip_name = None
            out.append(markup)
            continue
        if is_end:
            out.append(markup)
            continue
        attributes = _attributes(markup, name_match.end())
        if _is_untranslatable(name, attributes):
            out.append(markup)
            if name in _RAW_TEXT_ELEMENTS and not is_empty:
                # Script and style content is not HTML: jump straight to the end tag.
                end = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, position)
                stop = end.end() if end else len(html)
                out.append(html[position:stop])
                position = stop
            elif not is_empty:
                skip_name, skip_depth = name, 1
            continue
        out.append(_transliterate_attributes(markup, attributes))
    return "".join(out)
