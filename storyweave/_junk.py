"""Private rules that tell site furniture from article text, one line at a time.

Each rule names a kind of junk any outlet prints around its articles; none is specific
to one site. A rule matches a whole line (never part of one) and most have a length cap,
so a sentence of the article that merely mentions "comments" or "cookies" is kept:
when in doubt a line stays.

Not a stable API.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

COMMENT = "comment prompt"
TAGS = "tag list"
NAVIGATION = "post navigation"
RAIL = "related-articles rail"
SOCIAL = "embedded social post"
SHARE = "share prompt"
FOLLOW = "follow prompt"
COOKIE = "cookie notice"
NEWSLETTER = "newsletter prompt"
ADVERT = "advertisement label"
CREDIT = "photo or source credit"
STAMP = "page stamp (update time, bare date or address)"
PROMO = "app or subscription promotion"
DISCLOSURE = "affiliate disclosure"
CODE = "page code (style sheet or script)"

#: Longest line a short prompt ("Leave a Comment", "Must read") can be. Calibrated on the
#: seed articles and the test pages: real prompts are under 90 characters.
SHORT_LINE = 120
#: Longest tweet text: the line just above a tweet's credit line belongs to the tweet.
TWEET_CHARS = 280
#: Longest item in a tag list, in words ("Russia News" is 2; a sentence is longer).
TAG_ITEM_WORDS = 6

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_SOCIAL_SITES = (
    r"(?:facebook|twitter|x|whatsapp|linkedin|telegram|reddit|e-?mail|pinterest|"
    r"flipboard|messenger|instagram|tiktok|youtube|threads|bluesky|mastodon|sms)"
)
# Words a share bar is made of; a line of nothing else is a share bar.
_SHARE_WORD = (
    r"(?:share(?: this)?|tweet|e-?mail|print|pin(?: it)?|copy(?: link)?|link|mail|"
    + _SOCIAL_SITES
    + r")"
)
# Words that show a line reports speech, so it is the article, not a prompt.
_REPORTING = re.compile(r"\b(?:said|says|told|according to|reported)\b", re.IGNORECASE)


def _full(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_COMMENT_LINES = [
    _full(r"(?:keine|\d+) kommentare?(?: .{0,80})?|kommentare? (?:schreiben|anzeigen)|(?:\d+ )?comentarios?|"
          r"(?:aucun|\d+) commentaires?|du musst eingeloggt sein.{0,80}|atenção: comentários.{0,160}"),
    _full(r"(?:leave|post|add|write|submit|drop) (?:a |your |us a )?(?:comment|reply|response)s?(?: below)?[.!:]?"),
    _full(r"(?:\d+|no|one|two|three) (?:comments?|responses?|replies)(?: so far| yet)?[.!:]?"),
    _full(r"comments?(?: \(\d+\))?:?|(?:show|view|load|hide|read|see all|open) comments?"),
    _full(r"(?:join|start) the (?:conversation|discussion)[.!]?|be the first to comment.{0,40}"),
    _full(r"cancel reply|comments are closed\.?|you must be logged in to post a comment\.?"),
    _full(r"this site uses akismet to reduce spam\..{0,120}"),
    _full(r"your email address will not be published\..{0,80}"),
    _full(r"save my name, email, and website in this browser.{0,80}"),
    _full(r"notify me of (?:follow-up comments|new posts|new comments).{0,60}"),
    _full(r"tell us what (?:you|YOU) think.{0,10}|have your say.{0,10}"),
    _full(r"(?:what do you think|what are your thoughts)\?? (?:let us know|tell us|share your).{0,60}"),
]
_TAG_PREFIX = _full(
    r"(?:tags?|tagged(?: with| in)?|filed (?:under|in)|topics?|related topics|categories|"
    r"category|keywords|posted in)\s*[:：|]\s*(?P<items>.+)"
)
_NAV_TOKEN = r"(?:[«‹←<]+\s*)?(?:previous|prev|next|older|newer)(?: (?:post|article|story|entry|page)s?)?(?:\s*[»›→>]+)?"
_NAV_LINES = [
    _full(_NAV_TOKEN + r"(?:\s*[|/·•-]?\s*" + _NAV_TOKEN + r")*"),
    _full(r"(?:previous|next) (?:post|article|story|entry)\s*[:：]\s*.{1,200}"),
]
_RAIL_LINES = [
    _full(
        r"(?:must[- ]reads?|more (?:articles|stories|news|videos)|latest(?: (?:news|stories|articles|posts|videos))?|"
        r"related(?: (?:articles|stories|posts|news|content|coverage|links|reading))?|"
        r"you (?:may|might) (?:also )?(?:like|enjoy)(?:\.\.\.|…)?|recommended(?: (?:for you|stories|articles|reading))?|"
        r"trending(?: (?:now|stories|news))?|read (?:more|next|also)|also read|see also|"
        r"most (?:read|popular|viewed|shared)|popular(?: (?:posts|stories|now))?|top stories|"
        r"editor'?s picks|don'?t miss|in case you missed it|more on this story)[.:!]?"
    ),
    # "Read also: <headline>" links: a prefix and a colon, then a headline. The prefixes
    # are the ones outlets print in the languages of the extraction benchmarks.
    _full(r"(?:read (?:also|more|next)|also read|see also|related|recommended|must read|don'?t miss|also|"
          r"lea(?: (?:también|más|además))?|lee (?:también|más)|le puede interesar|te puede interesar|"
          r"vea (?:también|además)|mira|lire aussi|à lire aussi|voir aussi|lesen sie (?:auch|mehr)|"
          r"mehr zum thema|zum weiterlesen|siehe auch|weiterlesen|leia (?:também|mais)|veja também|"
          r"czytaj (?:też|także|więcej)|zobacz (?:też|także|również)|leggi anche|see more)\s*[:：]\s*.{1,200}"),
    # A linked headline flagged by its kind: "Markets tumble [VIDEO]", "… [INSIGHT]|".
    _full(r".{10,150}\[(?:video|insight|reaction|pics|poll|live|gallery|watch)\]\s*\|?"),
    # Rail headings in the same languages, alone on their line.
    _full(r"(?:weitere|mehr|top|aktuelle) (?:themen|artikel|beiträge|nachrichten|news)(?: .{1,40})?[.:!]?|"
          r"weitere (?:artikel|beiträge|informationen) (?:zum thema|aus .{1,40})[.:]?|"
          r"(?:explore|read) further|más noticias|noticias relacionadas|articles? similaires?|"
          r"sur le même sujet|kommentierte artikel|meistgelesen|meist gelesen"),
]
_SOCIAL_LINK = re.compile(
    r"pic\.twitter\.com/\w+|\bt\.co/\w+|\b(?:twitter|x)\.com/\w+/status/\d+|"
    r"\binstagram\.com/(?:p|reel)/|\bfacebook\.com/\S+/(?:posts|videos)/",
    re.IGNORECASE,
)
# "— Jane Doe (@janedoe) March 3, 2026": the byline Twitter/X prints under an embed.
_SOCIAL_CREDIT = _full(r"[—–-]{1,2}\s*.{1,80}?\(@\w{1,30}\)\s+" + _MONTH + r" \d{1,2},? \d{4}")
_SOCIAL_LINES = [
    _SOCIAL_CREDIT,
    _full(r"a (?:post|photo|video) shared by .{1,100}"),
    _full(r"view this (?:post|photo|video|profile|reel) on " + _SOCIAL_SITES + r"\.?"),
    _full(r"(?:view|see|watch)(?: more)? on " + _SOCIAL_SITES + r"\.?"),
    _full(r"posted by .{1,80} on (?:" + _WEEKDAY + r",? )?" + _MONTH + r" \d{1,2},? \d{4}.{0,20}"),
]
_SHARE_LINES = [
    _full(_SHARE_WORD + r"(?:\s*[|/·•,:]?\s*" + _SHARE_WORD + r")*[.:!]?"),
    _full(r"share (?:this|the) (?:article|story|post|page|video|photo)(?: (?:on|via|with) .{1,40})?[.:!]?"),
    _full(r"(?:share|post) (?:on|via|to) " + _SOCIAL_SITES + r".{0,40}"),
    _full(r"click to (?:share|email|print|post).{0,80}"),
    _full(r"\(?opens in (?:a )?new window\)?"),
]
_FOLLOW_LINES = [
    _full(r"(?:follow|like|find) us on .{1,80}"),
    _full(r"follow .{1,60} on " + _SOCIAL_SITES + r"\b.{0,160}"),
    _full(r"follow @\w{2,30}(?:,? (?:or|and) [@#]\w{2,40})*[.!]?"),  # "Follow @OrskOpinion or #tellorsk."
    _full(r"subscribe to (?:the |our )?.{1,60} (?:on )?youtube(?: channel)?\b.{0,80}"),
    _full(r"subscribe to our (?:youtube|telegram|whatsapp) channel.{0,60}"),
]
_COOKIE_SENTENCE = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|this portal|our partners)(?: and our partners)?"
    r" (?:use|uses|are using) cookies\b|\bby (?:continuing|using this (?:web)?site).{0,80}cookies\b|"
    r"\b(?:accept|agree to)(?: (?:our|the))? (?:use of )?cookies\b",
    re.IGNORECASE,
)
_COOKIE_LINES = [
    _full(r"(?:accept|reject|allow|decline|refuse)(?: all| necessary| essential| optional)? cookies|"
          r"cookie (?:settings|preferences|policy|consent|notice)|manage (?:cookies|cookie settings|consent)"),
]
_NEWSLETTER_LINES = [
    _full(r"(?:sign up|subscribe|register)(?: now| today| here| for free)?[.!]?"),
    _full(r".{0,100}\? sign up(?: here| now)?[.!]?|thanks for signing up!?|"
          r"there was an error processing your subscription\.?|subscribe now .{1,100}"),
]
_PROMO_LINES = [
    _full(r"(?:click|tap) here to (?:get|download) .{1,60}|get .{1,60} on the go by clicking here|"
          r"(?:for .{1,60})?download the .{1,40} apps?\b.{0,60}|get the .{1,40} app"),
]
_DISCLOSURE = re.compile(
    r"\bif you (?:buy|purchase) (?:something|a product|anything) (?:through|from|via) .{0,60}(?:share|commission)|"
    r"\bwe may (?:receive|earn|get) (?:a )?(?:compensation|commission|share)|\baffiliate[- ]links?\b",
    re.IGNORECASE,
)
_CREDIT_LINES = [
    _full(r"\(?(?:photos?|fotos?|credits?|crédits? photos?|photo credit|bild(?:quelle)?|image|copyright|"
          r"quelle|fuente|source|image illustrative)\s*[:：]\s*.{1,100}\)?|(?:copyright|©) .{1,100}"),
]
_STAMP_LINES = [
    _full(r"(?:updated|last (?:updated|modified)|aktualisiert(?: am)?|letzte änderung|actualizado|mis à jour|"
          r"zuletzt aktualisiert)\s*:?\s*.{0,40}\d.{0,20}"),
    _full(r"\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?|\d{1,2}\.\d{1,2}\.\d{2,4}|https?://\S+"),
    # "Story Created: Aug 7, 2012 at 9:56 AM", "Posted: 3:45 PM": the page's time of a post, set
    # anywhere near the top; a sentence ("Published reports said 5 …") has no colon after the verb.
    _full(r"(?:(?:story|article|page)\s+(?:created|posted|published|modified)\s*[:：]?|"
          r"(?:created|posted|published|first published)\s*[:：])\s*.{0,40}\d.{0,20}"),
]
_NEWSLETTER_WORDS = re.compile(r"\bnewsletters?\b|\binbox\b|\bemail alerts?\b", re.IGNORECASE)
_READER_WORDS = re.compile(r"\b(?:you|your|our|sign up|subscribe)\b", re.IGNORECASE)
_ADVERT_LINES = [
    _full(r"advertisement|advertising|sponsored(?: content)?|ad|paid content|story continues below(?: advertisement)?|"
          r"anzeige|werbung|publicidad|publicité|\*?werbung\..{0,80}")
]

LineRule = Callable[[str], bool]


def _any(patterns: Sequence[re.Pattern[str]], limit: int = SHORT_LINE) -> LineRule:
    return lambda line: len(line) <= limit and any(p.fullmatch(line) for p in patterns)


def _tag_list(line: str) -> bool:
    match = _TAG_PREFIX.fullmatch(line)
    if not match or len(line) > 300 or _REPORTING.search(line):
        return False
    items = [item.strip() for item in re.split(r"[,;|•·/#]", match["items"]) if item.strip()]
    return bool(items) and all(
        len(item.split()) <= TAG_ITEM_WORDS and not item.endswith((".", "?", "!")) for item in items
    )


def _social(line: str) -> bool:
    if len(line) <= 600 and _SOCIAL_LINK.search(line):
        return True
    return len(line) <= 200 and any(p.fullmatch(line) for p in _SOCIAL_LINES)


def _cookie(line: str) -> bool:
    if len(line) <= 600 and _COOKIE_SENTENCE.search(line) and not _REPORTING.search(line):
        return True
    return len(line) <= SHORT_LINE and any(p.fullmatch(line) for p in _COOKIE_LINES)


def _newsletter(line: str) -> bool:
    if len(line) <= SHORT_LINE and any(p.fullmatch(line) for p in _NEWSLETTER_LINES):
        return True
    # A prompt speaks to the reader ("your inbox", "our newsletter"); a report does not.
    return (
        len(line) <= 250
        and bool(_NEWSLETTER_WORDS.search(line))
        and bool(_READER_WORDS.search(line))
        and not _REPORTING.search(line)
    )


# A page's style sheet or script pasted with its text: a rule's selector opening a block
# (".bio-text, .twitter-bio {"), a declaration ("border-top:1px solid #cccccc;"), a closing
# brace. No sentence ends in "{" or is one "property: value;" of a hyphenated or style word.
_CODE_LINES = (
    re.compile(r".{0,200}\{"),
    re.compile(r"\}+;?"),
    re.compile(r"[a-z]+(?:-[a-z]+)+\s*:\s*[^;:]{1,80};"),
    re.compile(r"(?:color|background|border|margin|padding|display|font|width|height|float|position|top|left|"
               r"right|bottom|overflow|opacity|content|cursor)\s*:\s*[^;:]{1,80};"),
)


def _code(line: str) -> bool:
    return len(line) <= 220 and any(p.fullmatch(line) for p in _CODE_LINES)


#: The rules in the order they are tried; the first that matches names the reason.
RULES: tuple[tuple[str, LineRule], ...] = (
    (COMMENT, _any(_COMMENT_LINES, 200)),
    (TAGS, _tag_list),
    (NAVIGATION, _any(_NAV_LINES, 220)),
    (RAIL, _any(_RAIL_LINES, 220)),
    (SOCIAL, _social),
    (SHARE, _any(_SHARE_LINES)),
    (FOLLOW, _any(_FOLLOW_LINES, 240)),
    (COOKIE, _cookie),
    (NEWSLETTER, _newsletter),
    (ADVERT, _any(_ADVERT_LINES)),
    (PROMO, _any(_PROMO_LINES, 160)),
    (DISCLOSURE, lambda line: len(line) <= 400 and bool(_DISCLOSURE.search(line))),
    (CREDIT, _any(_CREDIT_LINES, 120)),
    (STAMP, _any(_STAMP_LINES, 80)),
    (CODE, _code),
)


def junk_reason(line: str) -> str | None:
    """Return why ``line`` (stripped, spaces tidied) is not article text, or None. A label
    in quotation marks is read without them ('"Related:"')."""
    bare = line.strip("\"“”")
    for reason, rule in RULES:
        if rule(line) or bare != line and rule(bare):
            return reason
    return None


def is_social_credit(line: str) -> bool:
    """Tell whether ``line`` is the "— Name (@handle) Month D, YYYY" line under a tweet."""
    return bool(_SOCIAL_CREDIT.fullmatch(line))


_TWEET_MARKS = re.compile(r"https?://|#\w|@\w")


def looks_like_tweet(line: str) -> bool:
    """Tell whether the line above a tweet credit is the tweet's text, not the article's.

    Tweets are short and rarely end like a written sentence; an article paragraph that
    happens to precede an embed does, and is kept.
    """
    if len(line) > TWEET_CHARS:
        return False
    return bool(_TWEET_MARKS.search(line)) or not line.rstrip().endswith(
        (".", "!", "?", '"', "”", "’", ")")
    )
