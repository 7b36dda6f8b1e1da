"""The transliteration table: Serbian Latin in, Serbian Cyrillic out."""

import pytest

from localization.transliteration import latin_html_to_cyrillic, latin_to_cyrillic

TABLE = [
    # Every letter, lower and upper case
    ("abcčćddžđefghijklljmnnjoprsštuvzž", "абцчћдџђефгхијклљмнњопрсштувзж"),
    ("ABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ", "АБЦЧЋДЂЕФГХИЈКЛМНОПРСШТУВЗЖ"),
    ("Beograd", "Београд"),
    ("Zrenjanin", "Зрењанин"),
    ("Đurđevdan", "Ђурђевдан"),
    ("Ðorđe", "Ђорђе"),  # U+00D0 typed for Đ
    ("Hvala, gospodine Ferenc", "Хвала, господине Ференц"),
    ("Kuća klastera", "Кућа кластера"),
    ("Niš", "Ниш"),
    ("Čačak", "Чачак"),
    ("Ćustendil", "Ћустендил"),
    ("Šabac i Žabalj", "Шабац и Жабаљ"),
    ("Užice", "Ужице"),
    # Digraphs in every case form
    ("Ljubljana", "Љубљана"),
    ("LJUBAV", "ЉУБАВ"),
    ("ljubav", "љубав"),
    ("Njegoš", "Његош"),
    ("NJEGOŠ", "ЊЕГОШ"),
    ("LJubljana", "Љубљана"),
    ("Džamija", "Џамија"),
    ("DŽAMIJA", "ЏАМИЈА"),
    ("budžet", "буџет"),
    ("odžak", "оџак"),
    ("nadžak", "наџак"),
    ("konj i konjak", "коњ и коњак"),
    ("inje", "иње"),
    ("poljoprivreda", "пољопривреда"),
    # "dj" is two letters
    ("Djordje", "Дјордје"),
    ("podjednako", "подједнако"),
    # Digraph exceptions: two letters across a morpheme boundary
    ("nadživeti", "надживети"),
    ("Nadživela", "Надживела"),
    ("nadživljavati", "надживљавати"),
    ("odžaliti", "оджалити"),
    ("podžupan", "поджупан"),
    ("podžanr", "поджанр"),
    ("podželudačna žlezda", "поджелудачна жлезда"),
    ("predžetveni", "преджетвени"),
    ("nadžnjeti", "наджњети"),
    ("injekcija", "инјекција"),
    ("Injekcijom", "Инјекцијом"),
    ("INJEKCIJA", "ИНЈЕКЦИЈА"),
    ("injektor", "инјектор"),
    ("konjunkcija", "конјункција"),
    ("konjunktura", "конјунктура"),
    ("konjugacija", "конјугација"),
    ("vanjezički", "ванјезички"),
    ("vanjugoslovenski", "ванјугословенски"),
    ("Tanjug", "Танјуг"),
    ("anjon", "анјон"),
    # Acronyms stay, endings after a hyphen do not
    ("ESCA", "ESCA"),
    ("COSME", "COSME"),
    ("TCI", "TCI"),
    ("IPA", "IPA"),
    ("EU", "EU"),
    ("programi EU i IPA", "програми EU и IPA"),
    ("članica EU-a", "чланица EU-а"),
    ("vek XXI i član IV", "век XXI и члан IV"),
    # All-caps Serbian words: Serbian-only letter, digraph, or longer than 5 letters
    ("KUĆA KLASTERA", "КУЋА КЛАСТЕРА"),
    ("NIŠ", "НИШ"),
    ("VESTI", "VESTI"),  # 5 letters, no Serbian-only letter: read as an acronym
    ("PROJEKTI", "ПРОЈЕКТИ"),
    # Single capitals are words or initials
    ("O nama", "О нама"),
    ("P. Petrović", "П. Петровић"),
    # E-mails, URLs, file and domain names
    ("rousseva@fed-bg.org", "rousseva@fed-bg.org"),
    ("Pišite na rousseva@fed-bg.org.", "Пишите на rousseva@fed-bg.org."),
    ("https://www.tci-network.org/", "https://www.tci-network.org/"),
    ("Sajt: https://kuca-klastera.rs/vesti/nj?lang=sr.", "Сајт: https://kuca-klastera.rs/vesti/nj?lang=sr."),
    ("www.klasteri.rs", "www.klasteri.rs"),
    ("mailto:info@klasteri.rs", "mailto:info@klasteri.rs"),
    ("Preuzmite agenda.pdf", "Преузмите agenda.pdf"),
    ("izveštaj_2016.DOCX", "izveštaj_2016.DOCX"),
    ("sajt fed-bg.org", "сајт fed-bg.org"),
    ("pratite @kucaklastera i #klasteri", "пратите @kucaklastera и #klasteri"),
    # Brand and foreign names
    ("Wagtail", "Wagtail"),
    ("Xerox", "Xerox"),
    ("ClusteRo", "ClusteRo"),
    ("iPhone", "iPhone"),
    ("Müller i Wagtail", "Müller и Wagtail"),
    ("Projekat ClusteRo u Nišu", "Пројекат ClusteRo у Нишу"),
    ("B2B i H2020", "B2B и H2020"),
    # Numbers, dates and punctuation
    ("22. aprila 2016.", "22. априла 2016."),
    ("od 9:30 do 17:00 h", "од 9:30 до 17:00 х"),
    ("1.250,50 dinara (PDV uračunat)", "1.250,50 динара (PDV урачунат)"),
    ("„Da li?“ — rekao je; da!", "„Да ли?“ — рекао је; да!"),
    ("d.o.o.", "д.о.о."),
    ("20-ih godina", "20-их година"),
    ("Tom &amp; Jerry", "Том &amp; Jerry"),
    # Already Cyrillic or mixed: idempotent
    ("Кућа кластера", "Кућа кластера"),
    ("Љубљана, ЕУ, Џамија", "Љубљана, ЕУ, Џамија"),
    ("Кућa", "Кућа"),
    ("", ""),
]


@pytest.mark.parametrize(("latin", "cyrillic"), TABLE, ids=[latin or "empty" for latin, _ in TABLE])
def test_latin_to_cyrillic(latin: str, cyrillic: str) -> None:
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        # What editors write on the site, word by word and in a sentence
        ("Kuća klastera", "Кућа кластера"),
        ("Niš", "Ниш"),
        ("džemper", "џемпер"),
        ("Ljubljana", "Љубљана"),
        ("Kuća klastera u Nišu prodaje džemper iz Ljubljane", "Кућа кластера у Нишу продаје џемпер из Љубљане"),
        # Each digraph is one letter, in lower, title and upper case ...
        ("Džemper i DŽEMPER", "Џемпер и ЏЕМПЕР"),
        ("Njiva i NJIVA", "Њива и ЊИВА"),
        ("LJILJANA", "ЉИЉАНА"),
        ("Lj", "Љ"),
        # ... except across a prefix, where the two letters stay two
        ("nadživeti džemper", "надживети џемпер"),
        ("odživeti", "одживети"),
        ("konj, konjunkcija i injekcija", "коњ, конјункција и инјекција"),
    ],
)
def test_words_and_digraph_edge_cases(latin: str, cyrillic: str) -> None:
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(("latin", "cyrillic"), TABLE, ids=[latin or "empty" for latin, _ in TABLE])
def test_idempotent(latin: str, cyrillic: str) -> None:
    assert latin_to_cyrillic(cyrillic) == cyrillic


def test_combining_marks_are_composed() -> None:
    # "c" + COMBINING CARON, as some editors paste it
    assert latin_to_cyrillic("C\u030cac\u030cak") == "Чачак"


HTML = [
    (
        '<p>Vidi <a href="https://example.org/nj">sajt</a></p>',
        '<p>Види <a href="https://example.org/nj">сајт</a></p>',
    ),
    (
        '<p data-block-key="lj1">Kuća <a linktype="page" id="3">klastera</a> i <b>Njegoš</b></p>',
        '<p data-block-key="lj1">Кућа <a linktype="page" id="3">кластера</a> и <b>Његош</b></p>',
    ),
    # wagtail-localize segment placeholders
    ('Vidi <a id="a1">sajt ESCA</a>.', 'Види <a id="a1">сајт ESCA</a>.'),
    # alt and title are human text; src, class, id and data-* are not
    (
        '<img src="/media/lj.png" alt="Ljubav" title="Naslov" class="nj" id="dž" data-note="lj">',
        '<img src="/media/lj.png" alt="Љубав" title="Наслов" class="nj" id="dž" data-note="lj">',
    ),
    (
        '<embed embedtype="image" id="1" format="left" alt="Džamija u Nišu"/>',
        '<embed embedtype="image" id="1" format="left" alt="Џамија у Нишу"/>',
    ),
    ("<p>Kuća &amp; dom&nbsp;&#8212;&#x2014;</p>", "<p>Кућа &amp; дом&nbsp;&#8212;&#x2014;</p>"),
    ("<p>Pokreni <code>ljuska --nj</code></p>", "<p>Покрени <code>ljuska --nj</code></p>"),
    ("<pre><code>lj</code> nj</pre> posle", "<pre><code>lj</code> nj</pre> после"),
    (
        '<p><span lang="en">online <b>now</b></span> i <span lang="sr-Latn">sada</span></p>',
        '<p><span lang="en">online <b>now</b></span> и <span lang="sr-Latn">сада</span></p>',
    ),
    (
        '<p translate="no">Nj</p><p class="notranslate x">lj</p><p>lj</p>',
        '<p translate="no">Nj</p><p class="notranslate x">lj</p><p>љ</p>',
    ),
    (
        "<script>if (a<b) { lj(); }</script><style>.nj{}</style>nj",
        "<script>if (a<b) { lj(); }</script><style>.nj{}</style>њ",
    ),
    ("<!-- lj --><br/>a < b<br>", "<!-- lj --><br/>а < б<br>"),
    (
        '<p>Piši: <a href="mailto:info@klasteri.rs">info@klasteri.rs</a></p>',
        '<p>Пиши: <a href="mailto:info@klasteri.rs">info@klasteri.rs</a></p>',
    ),
]


@pytest.mark.parametrize(("html", "expected"), HTML)
def test_latin_html_to_cyrillic(html: str, expected: str) -> None:
    assert latin_html_to_cyrillic(html) == expected
    assert latin_html_to_cyrillic(expected) == expected


# Markup an editor or a paste can produce: what is left alone stays alone, what follows it is Cyrillic again.
HTML_EDGE_CASES = [
    # Nested elements of the skipped name: the skip ends with the outer element only
    (
        '<span lang="en"><span>Kuća</span> klaster</span> Kuća',
        '<span lang="en"><span>Kuća</span> klaster</span> Кућа',
    ),
    ('<div translate="no"><div>lj</div>nj</div>nj', '<div translate="no"><div>lj</div>nj</div>њ'),
    # A void or self-closing element marked as not Serbian starts no skip
    ('<img lang="en" alt="Cluster">Kuća', '<img lang="en" alt="Cluster">Кућа'),
    ('<span lang="en" / >Kuća', '<span lang="en" / >Кућа'),
    # Serbian lang values, a bare lang and unrelated "no" values are translated
    ('<p lang="sr">Kuća</p>', '<p lang="sr">Кућа</p>'),
    ('<p lang="SR-latn">Kuća</p>', '<p lang="SR-latn">Кућа</p>'),
    ("<p lang>Kuća</p>", "<p lang>Кућа</p>"),
    ('<p data-answer="no" title="Naslov">Kuća</p>', '<p data-answer="no" title="Наслов">Кућа</p>'),
    ("<p translate=no>Kuća</p>Kuća", "<p translate=no>Kuća</p>Кућа"),
    ("<p class='x notranslate'>Kuća</p>", "<p class='x notranslate'>Kuća</p>"),
    # Unquoted, single-quoted and value-less attributes
    ("<img alt=Kuća title='Niš' hidden>", "<img alt=Кућа title='Ниш' hidden>"),
    (
        '<input placeholder="Pretraga" aria-label="Traži" value="lj">',
        '<input placeholder="Претрага" aria-label="Тражи" value="lj">',
    ),
    # An element left open inside a skipped one does not prolong the skip
    ('<span lang="en"><p>Kuća</span> Kuća', '<span lang="en"><p>Kuća</span> Кућа'),
    # Two scripts in a row, and an end tag in capitals
    ("<script>lj</script><script>nj</script>Kuća", "<script>lj</script><script>nj</script>Кућа"),
    ("<script>lj</SCRIPT>Kuća", "<script>lj</SCRIPT>Кућа"),
    # A script or style without its end tag keeps everything after it
    ("<script>lj = 1; Kuća", "<script>lj = 1; Kuća"),
    ("<STYLE>.nj{}</style >nj", "<STYLE>.nj{}</style >њ"),
    # Comments, doctypes, CDATA and processing instructions are copied byte for byte
    ("<!DOCTYPE html><?xml lj?><![CDATA[nj]]>lj", "<!DOCTYPE html><?xml lj?><![CDATA[nj]]>љ"),
    ("Kuća", "Кућа"),
    ("", ""),
]


@pytest.mark.parametrize(("html", "expected"), HTML_EDGE_CASES)
def test_latin_html_edge_cases(html: str, expected: str) -> None:
    assert latin_html_to_cyrillic(html) == expected
