"""The words of attribution: which verbs, nouns and marks tell that someone said, thought or
voiced something, and the limits the quote finder (:mod:`.quotes`) works within.

Read from English usage and PolNeAR train articles (never dev or test); each table says
what it is for and why its words are there.
"""

from __future__ import annotations

SPEECH_VERBS = frozenset(
    """say tell state add describe call express declare announce note stress emphasise emphasize
    praise quote report write ask insist warn claim accuse deny confirm hail thank vow pledge
    reply respond explain argue suggest acknowledge admit assert affirm urge tweet post remark
    comment recall reiterate predict promise complain criticise criticize condemn
    highlight point underscore mention allege implicate blame continue observe conclude read joke
    quip scoff recount testify concede boast
    yell shout chant exclaim answer echo
    retort interject confess bark snap mutter whisper proclaim lament marvel muse question
    grouse gripe grumble retaliate counter rebut caution imply chide demand""".split()
)
#: Speech verbs that are speech only as a retort written out ("“…,” Varga countered"); as
#: an infinitive they are acts ("to counter the rhetoric").
RETORT_VERBS = frozenset({"retaliate", "counter", "rebut"})
#: Verbs that are speech with a particle right after them ("“…,” she went on", "he shot
#: back, “…”", "chimed in"); alone they are not ("went home", "shot the film").
PHRASAL_SPEECH = {"go": "on", "shoot": "back", "fire": "back", "hit": "back", "chime": "in", "cut": "in"}
#: Verbs whose clausal complement is speech, for indirect quotes (a narrower set: "call" or
#: "describe" take no clause).
INDIRECT_VERBS = frozenset(
    "say tell state add announce declare warn claim insist argue explain stress note confirm deny "
    "predict promise reiterate acknowledge admit assert affirm emphasise emphasize suggest "
    # reported beliefs and findings are attributions too (PolNeAR annotates them)
    "report write tweet believe think conclude learn reveal indicate contend maintain recall agree "
    "testify allege observe concede complain boast show find hint grouse gripe grumble caution imply "
    # beliefs, hopes and expectations that take a clause ("Democrats hope the bill will pass")
    "hope expect fear feel know worry doubt estimate acknowledge guess recognize recognise "
    # the parser's lemmatiser makes "hopes" and "hoped" into "hop"
    "hop "
    # questions put to someone ("asked whether the pier would reopen")
    "ask wonder question "
    # "pointed out that …"; "assured voters he is tough"; "want all of them to be deported"
    "point assure want "
    # what someone demands be done ("demanded that the council reopen the pier") is voiced
    "demand".split()
)
#: States of mind a writer may guess at ("he must know", "they may feel"), and the modals
#: that mark the guess: then the clause is the writer's inference, not what anyone said.
#: Verbs that say an act of speech was not done ("declined to criticize", "failed to mention").
REFUSALS = frozenset({"decline", "refuse", "fail"})
GUESSED_STATES = frozenset({"know", "feel", "think", "believe", "realize", "realise", "sense", "suspect", "understand"})
WRITERS_MODALS = frozenset({"must", "may", "might", "surely", "probably"})
#: Adverbs by which a writer guesses at someone's mind or wishes ("she will likely want …").
GUESSING_ADVERBS = frozenset({"likely", "probably", "surely", "presumably", "doubtless", "undoubtedly"})
#: Verbs of a wish, which a writer may guess at as at a state of mind.
GUESSED_WISHES = frozenset({"want", "wish", "hope", "expect", "prefer"})
#: Modals by which a writer advises or supposes what someone would say.
UNSAID_MODALS = frozenset({"should", "ought", "shall", "could"})
#: Documents someone issues that say something themselves ("released a statement saying …").
DOCUMENT_NOUNS = frozenset("statement release note letter memo email e-mail tweet post message video ad advertisement "
                           "report filing editorial op-ed column".split())
#: Verbs whose "for" object is a demand someone voiced ("called for a ban"), read from
#: PolNeAR train articles.
DEMAND_VERBS = frozenset({"call", "push", "press", "appeal", "plead"})
#: Verbs whose "that" clause is an act demanded of its subject, in the subjunctive ("demanded
#: that the mayor explain the cost"): its subject is asked to speak or act, and says nothing.
MANDATIVE_VERBS = frozenset({"demand", "ask", "urge", "request", "require", "recommend", "order", "command"})
#: Demands that put pressure on their object to act ("pushed the board to close the pier",
#: "pressed Varga to resign"): whom the subject asked, and to do what, as with "urge".
PRESSING_VERBS = frozenset({"push", "press"})
#: Nouns of asking someone for an act ("her call to admit …"): what is asked is not said.
DEMAND_NOUNS = frozenset({"call", "demand", "request", "plea", "appeal", "invitation", "challenge", "ultimatum"})
#: Verbs that bring their object to an act ("the win led Priebus to declare …"): the
#: object did it; other verbs with an object and an infinitive ask or expect it ("urged
#: voters to say …"), and no one has said it yet.
OUTCOME_VERBS = frozenset({"lead", "prompt", "cause", "spur", "force", "compel", "drive", "move", "inspire"})
#: Verbs that leave their object in a state a participle after it tells ("left most voters
#: saying …", "found them insisting …", "had the crowd chanting …"): the object does it.
STATE_LEAVING_VERBS = frozenset({"leave", "find", "have", "get", "keep", "set"})
#: Verbs that give their object a name as a judgement ("Bush called Trump a loser"):
#: PolNeAR annotates the object and its label as what the subject said.
LABEL_VERBS = frozenset({"call", "label", "brand", "dub", "consider"})
#: Verbs that judge their object "as" something ("voters see Trump as the stronger
#: candidate"): a belief, annotated like a label.
REGARD_VERBS = frozenset({"see", "view", "regard",
                          # portrayals ("cast him as an outsider", "painted the plan as reckless")
                          "cast", "paint", "dismiss"})
#: Stance verbs that a particle turns into another verb ("knocked Brel out of the race",
#: "knocked out a pillar of the act", "the plan panned out"): no view voiced with one.
PARTICLE_SENSE_VERBS = frozenset({"knock", "pan"})
#: The particles that do it, which the parser may also read as prepositions.
SENSE_PARTICLES = frozenset({"out", "down", "off", "over"})
#: Verbs of taking a side: their object is the position the subject voiced ("Sanders
#: endorsed the bill", "most voters support a ban"), an attribution in PolNeAR.
STANCE_VERBS = frozenset(
    "support endorse back oppose criticize criticise praise defend condemn denounce applaud favor favour "
    "prefer thank congratulate mock decry hail".split()
    # what someone wants is a stance they hold ("4 in 10 voters want a change of course")
    + ["want", "accuse"]
    # attacks, rebuttals and boasts in words ("slammed the ruling", "blamed the council",
    # "dismissed the report", "touted his record")
    + "blame reject dismiss tout slam blast rip credit chide".split()
    # reviews and knocks in words ("spent the week panning the plan", "knocked Brel for …";
    # see PARTICLE_SENSE_VERBS)
    + "pan knock bash".split()
    # attacks and welcomes in words ("assailed the judge", "attacked Brennick for his vote",
    # "welcomed the ruling"); "attack" only by someone who can speak (gunmen attack too)
    + "attack assail welcome".split()
    # reproofs ("rebuked the mayor for the delay", "sternly reprimanded him")
    + "rebuke reprimand scold berate castigate lambaste excoriate".split()
    # scorn, disowning and playing down in words ("derided the plan", "disavowed the remark",
    # "downplayed the risk"), and causes taken up ("champions low rates")
    + "deride ridicule disparage belittle disavow repudiate renounce disown downplay champion".split()
    # denials ("denied the charges", "denies any role in the deal"; see WITHHELD_NOUNS)
    + ["deny"]
    # positions taken up ("embraced the plan", "embraces a higher minimum wage")
    + ["embrace"]
)
#: Stance verbs that give an advantage when a thing is their subject ("the calendar favors
#: her", "a busy port should favor Varga"): only one who can hold a view takes a side.
ADVANTAGE_VERBS = frozenset({"favor", "favour"})
#: What "deny" withholds rather than denies ("denied her a visa", "denied bail"); a
#: recipient ("denied him …", "… to couples") withholds whatever the thing.
WITHHELD_NOUNS = frozenset(
    "access entry bail visa license licence permission permit request application nomination service "
    "benefit right chance opportunity".split())
#: Stance verbs that greet when their object is a person ("Kim welcomed Putin at the
#: airport"); they voice a stance only on a thing ("welcomed the ruling").
GREETING_VERBS = frozenset({"welcome"})
#: Words of harm done by hand or blade. An "attack" told beside them ("attacked his cousin,
#: then tried to choke him"), or in a report that uses two of them, is blows, not words.
#: Shootings and killings are left out: they are what much political talk is about ("attacked
#: the police over the shootings"); so are words as often said of jobs or jokes ("slash", "punch").
HARM_WORDS = frozenset("stab stabbing choke strangle knife rape machete wound injure injury bruise".split())
#: Different words of harm a report uses that make it a report of violence.
HARM_REPORT_WORDS = 2
#: Topic verbs that let people in when their object is people ("admitted 9,000 refugees",
#: "admit Ostlanders into the country"); they voice something only of a thing ("admitted
#: mistakes").
LETTING_IN_VERBS = frozenset({"admit"})
#: Nouns for people let in or turned away at a border, a school or a hospital, which no
#: speaker owns up to.
ENTRANT_NOUNS = frozenset("refugee migrant immigrant asylum-seeker applicant patient newcomer".split())
#: A one-word position is enough when it is a name or a noun ("endorsed Trump", "thanked
#: supporters"); a pronoun alone ("thanked him") says nothing the reader can check.
MIN_STANCE_WORDS = 1
#: Stance verbs of taking a side, where a pronoun object is still the side taken ("the
#: governor endorsed her", "most councillors opposed it"), read from PolNeAR train articles.
BACKING_VERBS = frozenset({"support", "endorse", "oppose", "back"})
OBJECT_PRONOUNS = frozenset({"him", "her", "it", "them"})
#: A speaker's own self, which a label or a reason makes a position ("described himself as a
#: moderate", "blamed herself for the loss").
REFLEXIVE_PRONOUNS = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself"})
#: Verbs whose object is the topic voiced ("Varga discussed the flood plan", "did not
#: mention the council").
TOPIC_VERBS = frozenset({"discuss", "mention", "announce", "offer", "express", "tweet",
                         # what someone put forward, portrayed or disclosed ("proposed a safe
                         # zone", "described a rigged system", "reported flat growth")
                         "propose", "describe", "report",
                         # what someone invokes, doubts or lays out ("cited the cost",
                         # "questioned the figures", "unveiled a plan")
                         "cite", "question", "repeat", "outline", "unveil",
                         # what someone voiced again after another ("echoed the criticism"),
                         # what someone told of the past ("recalling a visit to the port") and
                         # what someone wrote ("wrote an op-ed urging …")
                         "echo", "recall", "write",
                         # how someone cast another ("portrayed the mayor as aloof")
                         "portray", "characterize", "characterise",
                         # what someone dwelt on or told at length ("stressed the cost",
                         # "highlighted her record", "detailed the plan", "recounted the night")
                         "stress", "emphasize", "emphasise", "highlight", "underscore", "reiterate", "detail",
                         "recount",
                         # what someone owned up to ("acknowledged Holm's success", "admitted
                         # mistakes"); only by someone who can speak
                         "acknowledge", "admit",
                         # whom or what an inquiry, an outlet or the police named ("the coroner
                         # identified the man as …", "the audit identified $2 million in waste")
                         "identify"})
#: Tags of a finite verb, which a clause of its own has.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Nouns that "take" turns into an attack or an objection in words, the target after "at" or
#: "with" ("took aim at the levy", "took a swipe at Varga", "takes issue with the ruling").
TAKE_AIM_NOUNS = frozenset("aim shot potshot swipe jab whack slam dig issue".split())
#: The prepositions that bring the target of such an attack.
TAKE_AIM_PREPS = frozenset({"at", "with"})
#: Verbs with a particle whose object is what was set out in words, like "outline" ("laid out
#: a plan for the port", "spelled out its concerns"); without the particle they say
#: nothing of the kind ("laid a wreath", "laid off staff").
PHRASAL_TOPIC_VERBS = {"lay": "out", "spell": "out"}
#: Topic verbs that voice something only when someone who can speak does it: "the plan
#: offers tax credits" and "the league announced the schedule" voice nothing.
SPEAKER_ONLY_TOPIC_VERBS = frozenset({"acknowledge", "admit", "offer", "express", "focus", "touch", "reflect", "weigh", "propose", "describe", "report",
                                      "cite", "question", "repeat", "outline", "unveil", "echo",
                                      "recall", "write", "attack", "welcome", "portray", "characterize", "characterise",
                                      "stress", "emphasize", "emphasise", "highlight", "underscore", "reiterate", "detail",
                                      "recount"})
#: Nouns of speech that "make" turns into a speech act ("made the case for the wall",
#: "made no mention of the mayor", "made the observation that …"): what follows the noun
#: is what was voiced.
SPEECH_NOUNS = frozenset(
    "case mention allegation accusation statement remark comment observation claim argument "
    "promise pledge pitch appeal plea charge threat prediction announcement reference".split()
)
#: Nouns of speech that argue for or against something ("made the case for the wall",
#: "an appeal against the ruling"); the others say nothing of what follows "for".
ADVOCACY_NOUNS = frozenset("case pitch appeal plea argument charge".split())
#: What a stance is blamed or praised for follows these prepositions ("criticised the
#: council for its delay", "accused the mayor of lying", "blasted the mayor over the delay").
REASON_PREPS = frozenset({"for", "of", "over"})
#: Prepositions that hang on a stance verb when, where or through what the stance was voiced
#: ("criticised the mayor during a debate", "attacked the plan from the floor"), not what it
#: is about. "in" is as often part of the position ("a concert in support of …"), and "on"
#: is read only after a person (quote_stances._circumstance_prep).
CIRCUMSTANCE_PREPS = frozenset({"at", "during", "from", "after", "before", "through", "via", "amid"})


def _with_preps(table: dict[str, str]) -> dict[str, frozenset[str]]:
    return {word: frozenset(preps.split()) for word, preps in table.items()}


#: Places whose vote is a tally, not a choice anyone voiced ("40 states have voted for the
#: same party", "counties in Ohio voted twice for Clinton").
PLACE_NOUNS = frozenset("state county district town city precinct country region ward township suburb".split())
#: Verbs that take what they voice after a preposition: the topic ("spoke about …"), the
#: choice ("would vote for …"), the evidence ("pointed to …").
PREP_OBJECT_VERBS: dict[str, frozenset[str]] = _with_preps({
    "talk": "about of", "speak": "about of", "vote": "for against", "point": "to",
    # sides taken and beliefs held ("sided with the mayor", "believes in term limits",
    # "agreed with the council"; "did not respond to requests" voices nothing)
    "side": "with", "believe": "in", "agree": "with", "speculate": "about", "remark": "on upon",
    # what a remark is about or aimed at ("referred to the pier", "commented on the
    # delay", "joked about moving abroad", "railed against the tax", "warned of a split")
    "refer": "to", "comment": "on about", "joke": "about", "complain": "about", "rail": "against",
    "warn": "of about against", "argue": "for against", "advocate": "for", "campaign": "for against",
    "apologize": "for", "apologise": "for", "reflect": "on", "touch": "on", "focus": "on",
    "boast": "about of", "brag": "about", "testify": "about", "write": "about", "tweet": "about",
    "lie": "about", "harp": "on", "elaborate": "on", "opine": "on", "weigh": "on",
    # what a warning or an outburst is about ("cautioned against reading too much into it",
    # "lashed out at the judge")
    "caution": "against", "lash": "at",
})
#: Verbs whose place object is where an effort goes, not a topic voiced ("stayed home to
#: focus on Ostland"; "focused on the levy" is a topic).
EFFORT_VERBS = frozenset({"focus"})
#: Verbs of speaking to someone, whose object is the one spoken to ("telling reporters, “…”").
LISTENER_VERBS = frozenset({"tell", "ask", "remind", "assure", "inform", "warn"})
#: Prepositions that tell where or to whom something was said ("said on “Harbour Live”",
#: "told it to “Coast Weekly”"), unless the verb takes what it voices after them ("focus on").
CHANNEL_PREPS = frozenset({"on", "in", "to", "with", "at", "during"})
#: Verbs of asking someone to act ("Varga urged the council to rebuild the pier"): the
#: person asked and the act are the request voiced.
#: Verbs of telling someone to act ("told the council to wait", "warned voters not to stay
#: home"): a request voiced only with an infinitive ("told the gazette in an interview
#: recorded on Monday" is no order).
ORDER_VERBS = frozenset({"tell", "warn"})
REQUEST_VERBS = frozenset({"ask", "urge", "implore", "beg"}) | ORDER_VERBS
#: Verbs of committing to an act or declining it ("vowed to veto the bill", "refused to
#: answer"): the act is what the subject voiced.
COMMIT_VERBS = frozenset({"pledge", "promise", "vow", "refuse", "threaten", "decline", "want",
                          # an intention or proposal made known ("plans to spend", "proposed to cut")
                          "plan", "propose",
                          # hopes and agreements to act ("hopes to win Iowa", "agreed to pay a fine")
                          "hope", "hop", "agree",
                          # aims pursued and decisions taken ("sought to calm the markets", "aims
                          # to win Ohio", "decided to run")
                          "seek", "aim", "decide",
                          # offers, pressure and choices made known with an infinitive and no object
                          # ("offered to pay for the repairs", "pushed to cut the levy", "prefers to
                          # fly private")
                          "offer", "push", "prefer",
                          # an aim pursued ("is looking to win Ohio"; "looks to be close" seems)
                          "look"})
#: Adjectives of an attitude someone holds towards what their complement names ("was eager
#: to run", "is wary of the deal", "has been critical of the mayor", "is confident that …"),
#: read from English usage and PolNeAR train articles: the complement is a position the
#: subject holds, as "fear" or "support" would state it. ("Happy", "ready" and "willing"
#: agree to an act more than they voice a view; "opposed to" is mostly a description.)
ATTITUDE_ADJECTIVES = frozenset(
    "eager keen proud critical skeptical sceptical wary furious angry upset worried concerned confident "
    "optimistic pessimistic hopeful enthusiastic supportive dismissive adamant determined reluctant "
    "frustrated disappointed delighted outraged enamored enamoured convinced doubtful".split())
#: Participles of a feeling that, opening a sentence, say how its subject took something
#: ("Alarmed by the vote, party leaders …", "Angered by the ruling, Varga …").
FEELING_PARTICIPLES = frozenset(
    "alarmed angered outraged troubled disturbed dismayed emboldened encouraged heartened incensed "
    "infuriated annoyed irritated frustrated worried concerned convinced".split())
#: Prepositions that bring what an attitude is towards ("wary of", "angry at", "upset about").
ATTITUDE_PREPS = frozenset({"of", "about", "with", "at", "by", "over", "toward", "towards", "in"})
#: Nouns for one who takes a side in words, and the prepositions that bring the side taken
#: ("has been a vocal critic of the levy", "is an advocate for lower fares"): said of someone
#: after a linking verb, a position they hold, as "criticize" or "support" would state it.
STANCE_HOLDER_NOUNS: dict[str, frozenset[str]] = {
    word: frozenset(preps.split()) for word, preps in {
        "critic": "of", "supporter": "of", "proponent": "of", "opponent": "of", "defender": "of",
        "backer": "of", "detractor": "of", "advocate": "of for", "champion": "of"}.items()}
#: Commitments that only someone who can hold an aim makes ("the council sought to …"; "the
#: levy aims to cut debts" is a thing's purpose).
AGENT_COMMIT_VERBS = frozenset({"seek", "aim", "decide", "offer", "push", "prefer", "look"})
#: Nouns of voicing a view and the prepositions that bring what was voiced ("his criticism
#: of the plan", "renewed her call for a ban", "made no mention of the mayor").
VIEW_NOUNS: dict[str, frozenset[str]] = _with_preps({
    "criticism": "of", "critique": "of", "endorsement": "of", "defense": "of", "defence": "of",
    "mention": "of", "attack": "on against", "praise": "of for", "announcement": "of",
    "comment": "on about", "remark": "on about", "reference": "to", "call": "for", "acknowledgement": "of",
    "acknowledgment": "of", "declaration": "of", "assessment": "of", "warning": "of about against",
    "denunciation": "of", "condemnation": "of", "apology": "for", "demand": "for", "plea": "for",
    "appeal": "for", "opposition": "to", "proposal": "for", "support": "for", "congratulations": "to",
    "embrace": "of", "rejection": "of", "dismissal": "of", "description": "of", "promise": "of",
})
#: Nouns of saying whose "that" clause is what was said ("his claim that the pier is
#: safe"); nouns of believing ("her fear that …") gained nothing on PolNeAR train.
CLAUSE_VIEW_NOUNS = frozenset(
    "claim assertion contention insistence suggestion argument remark statement warning promise pledge "
    "prediction admission acknowledgment acknowledgement allegation accusation announcement".split()
)
#: Verbs by which a speaker voices such a noun ("avoided direct criticism of", "delivered a
#: defence of", "renewed his call for"); verbs of receiving it ("faced criticism of") are not.
VOICING_VERBS = frozenset(
    "make offer issue deliver launch unleash level renew repeat voice express avoid keep step ratchet "
    "intensify give send tweet post publish release write reiterate lodge mount extend lend double".split()
)
#: Verbs answered with a word that stands for a clause ("half said so", "most said no").
ANSWER_VERBS = frozenset({"say", "answer", "reply"})
ANSWER_WORDS = frozenset({"so", "yes", "no", "same", "opposite", "otherwise"})
#: Conjunctions that open a clause of circumstance (when, why, despite what), never one
#: of what was said.
CIRCUMSTANCE_MARKS = frozenset("as while when whenever after before because since although though until once whereas".split())
#: Words that make one conjunction with a "that" after them ("now that", "given that",
#: "except that"): the clause they open is a circumstance, not what was said.
THAT_CONJUNCTIONS = frozenset("now given provided providing except seeing considering".split())
#: Conjunctions of contrast that open the writer's counterpoint after a reported clause
#: ("although" is as often the speaker's own concession).
CONTRAST_MARKS = frozenset({"while", "whereas"})
#: Adjectives by which "made it clear that …" states its clause ("made it plain she would run").
MADE_CLEAR_WORDS = frozenset({"clear", "plain"})
#: Verbs whose "that" clause is an outcome brought about, not something said or believed.
NOT_VOICING_VERBS = frozenset("ensure make see insure mean".split())
#: Verbs by which polls, records and documents state a finding about their object.
FINDING_VERBS = frozenset({"show", "find"})
#: Finding verbs that report a finding only when a poll, study or inquiry does it ("the
#: survey found 90 percent support"); anyone may find a job or their way.
RESEARCH_ONLY_FINDING_VERBS = frozenset({"find"})
#: Marks drawn on a map, a chart or a picture ("Red dots show the ports"): they point at
#: things, and what they show is no one's finding.
MARK_NOUNS = frozenset("circle dot arrow marker pin icon symbol shading".split())
RESEARCH_NOUNS = frozenset("poll survey study report investigation inquiry probe analysis review audit research".split())
#: Nouns of kept records, which show what they hold ("port records show", "the filings indicate").
RECORD_NOUNS = frozenset("record document filing data figure tally ledger log file account evidence".split())
#: Participles by which a poll or a record set beside its noun states a finding ("a new poll
#: showing the mayor ahead", "records indicating that the levy was never paid"): the finding
#: verbs and the verbs of evidence that take a clause.
FINDING_PARTICIPLES = FINDING_VERBS | frozenset({"indicate", "suggest", "reveal"})
#: Words a records' or a study's name set off before its finding takes at most ("campaign
#: and corporate records", "a new Harbour Gazette poll").
MAX_RECORD_SOURCE_WORDS = 8
#: The forms of finding verbs that a record or a study set off by commas takes ("…, records
#: show", "…, the survey found"), read as words: the parser often makes "show" a noun there.
FINDING_WORDS = frozenset("show shows showed indicate indicates indicated suggest suggests suggested find finds found".split())
#: Prepositions whose gerund takes the subject of the clause it hangs on ("began by
#: saying", "after talking about the pier"); "praised her for saying" credits the object.
GERUND_PREPS = frozenset({"by", "after", "before", "without", "upon", "since", "in"})
#: A label can be short ("called him divisive") and still be a verdict.
MIN_LABEL_WORDS = 2
PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
NON_PERSON_PRONOUNS = frozenset({"it", "they", "we", "i", "you", "this", "that", "which", "who"})
#: Pronouns for people that name no one ("they said", "we wrote", "I told him"): a speaker
#: of speech verbs all the same.
GROUP_PRONOUNS = frozenset({"they", "we", "i"})
#: Outside quotation marks, "I" and "we" are someone speaking in their own words (an
#: interview's answers, an op-ed): what they think, hope or know is their statement, which
#: "they think" in the writer's voice is not.
FIRST_PERSON = frozenset({"we", "i"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
#: Parts of a person that the parser may make a speech verb's subject ("Obama's eyes welled
#: with tears … and urged voters"): their owner is the speaker. ("The agency's head said"
#: is its chief: no "head" here.)
BODY_PARTS = frozenset("eye eyes face voice lip lips mouth hand hands".split())
ROLE_NOUNS = frozenset(
    "leader president minister premier chancellor official spokesman spokeswoman spokesperson "
    "king ruler head chief envoy diplomat ambassador secretary governor mayor senator "
    # occupations a story names someone by ("Oscar-winning actress Susan Sarandon … The
    # actress said"): they stand only for someone the article gives the word
    "actress actor singer author novelist economist".split()
)
#: The part someone runs for ("Varga would become the party's candidate. … the candidate
#: said"): as a speaker, like a role noun, it stands only for someone the article gives the
#: word. (A role noun everywhere else too, for a participle's speaker and the role nearer
#: a "his", it cost PolNeAR train 0–200 0.6817 → 0.6816.)
CANDIDACY_NOUNS = frozenset({"candidate", "nominee"})
#: The bench ("Justice Ana Varga … the justice said"): as a speaker, like a role noun; not
#: elsewhere, where "justice" is mostly the abstract noun ("sought justice for his son").
BENCH_NOUNS = frozenset({"justice", "judge"})
#: Military ranks ("Adm. Ana Varga … the admiral said"): as a speaker, like a role noun, they
#: stand for the one the story gives the rank; not elsewhere, where "general", "major" and
#: "captain" are mostly other words ("the general public", "a major city").
RANK_NOUNS = frozenset("admiral general colonel commander lieutenant sergeant captain".split())
#: Nouns for the people who speak for someone ("her office", "Varga's campaign"): they
#: speak, as the one they speak for does, and stay credited by that name.
SPOKESBODY_NOUNS = frozenset("office campaign staff team".split())
#: Nouns for one person, of whom a later "he" or "she" may speak ("One delegate said … “Not
#: even one,” he said"): an unnamed speaker of one of these goes on speaking.
PERSON_NOUNS = ROLE_NOUNS | frozenset(
    "delegate aide adviser advisor strategist consultant voter supporter resident witness source officer member "
    "lawmaker analyst expert activist worker man woman friend donor operative staffer insider executive lawyer "
    "attorney organizer organiser candidate representative employee student teacher doctor nurse owner manager "
    "veteran neighbor neighbour father mother son daughter husband wife brother sister person pollster protester "
    "protestor observer critic ally colleague director chairman chairwoman pastor priest bishop rabbi imam farmer "
    "soldier caller fan parent mom dad teenager girl boy guy lady gentleman councillor councilor councilman "
    "councilwoman fighter militant rebel demonstrator".split()
)
#: Nouns for a body that speaks through its officers or its pages ("the company reported a
#: loss", "police described the crowd as calm", "the court described the law as vague").
INSTITUTION_NOUNS = frozenset(
    "company firm corporation police agency government administration department ministry committee commission "
    "newspaper paper network court council party union campaign".split()
)
OPENERS = {"“": "”", "«": "»", "„": "“", '"': '"'}
#: Double quotes are often typed with a curly mark at one end and a straight one at the
#: other ("“It is safe," she said): either closes a quote the other opened.
MIXED_CLOSERS = {"”": '"', '"': "”"}
#: A quote of fewer words is a scare quote or a name ("the ‘illegal’ sanctions") unless a
#: speech verb claims it.
MIN_QUOTE_WORDS = 2
MIN_UNCUED_QUOTE_WORDS = 4
#: Quoted words all capitalised up to this many are a title ("“Listen To The Music”").
MAX_TITLE_WORDS = 6
#: Nouns naming a work whose title may follow in quotation marks ("her memoir, “Tough
#: Choices”"); such a title may be longer, with a subtitle.
WORK_NOUNS = frozenset("book memoir memoirs novel biography autobiography film movie documentary song album "
                       "show series play poem essay podcast".split())
#: What one says back, whose owner speaks: "his only answer was to say the port would …".
REPLY_NOUNS = frozenset("response answer reply retort rejoinder comeback".split())
MAX_WORK_TITLE_WORDS = 16
#: Nouns of a broadcast or the medium it goes out on: "on" before them says where a remark
#: was made ("commented on the radio"), not what about.
BROADCAST_NOUNS = frozenset("program programme show broadcast podcast radio television tv channel network station airwaves media medium "
                            "phone telephone loudspeaker twitter facebook instagram youtube tiktok website blog".split())
#: Characters between an attributed quote and an uncued one that still continues it
#: ("“A,” she said. “B.”"); set by reading PolNeAR train articles.
MAX_CONTINUATION_GAP = 60
#: A longer gap is still a continuation when it is only the rest of the sentence that
#: attributes the quote before (PolNeAR train: "“A,” X said at a rally in …, last month. “B.”").
MAX_ATTRIBUTING_GAP = 250
#: Headline sources before a colon that name no one but are sources ("Poll: Trump leads").
HEADLINE_SOURCE_NOUNS = frozenset({"poll", "survey", "report", "study", "newspaper", "editorial"})
MAX_HEADLINE_SOURCE_WORDS = 4
#: Sources whose findings a clause may report by placing itself in them ("in the poll").
POLL_NOUNS = frozenset({"poll", "survey"})
#: Nouns of someone's mind that a clause opening "In her view, …" places itself in: what
#: follows is what the owner thinks ("in his opinion", "in their eyes", "from my point of view").
OPINION_NOUNS = frozenset({"view", "opinion", "estimation", "judgment", "judgement", "eyes"})
#: Entity labels that name someone or something; a speaker phrase with none of them and
#: no proper noun ("engineers", "the two leaders") is a description, not a name.
NAMING_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})
#: Determiners that make a role noun someone new ("a senior official said"), not the
#: person the story is about ("the official said").
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "many", "two", "three"})
#: Words that count people out of a whole rather than point at them ("most voters", "few
#: residents", "all delegates"): no one in particular takes a side in a few words.
QUANTIFIERS = frozenset({"most", "few", "all", "any", "no", "more", "fewer", "both", "half"})
#: An unnamed speaker's description keeps its modifiers ("engineers from both city
#: halls") up to this many words.
MAX_DESCRIPTION_WORDS = 12
#: Relative pronouns that open a writer's aside after a comma ("…, who was his chief of
#: staff"); "that" never opens one.
ASIDE_RELATIVES = frozenset({"who", "whom", "whose", "which", "where"})
#: Any quotation mark, opening or closing.
QUOTE_MARKS = frozenset(OPENERS) | frozenset(OPENERS.values()) | {"''"}
#: Opening a reported clause, part of its content as corpora mark it ("that the pier …").
COMPLEMENTISERS = frozenset({"that", "whether", "if"})
#: Before a cue verb, the words that belong to its cue ("has said", "did not mention", "also said").
CUE_MODIFIERS = frozenset({"aux", "auxpass", "neg"})
CUE_ADVERBS = frozenset({"also", "later", "now", "then", "again", "repeatedly", "previously", "earlier", "once", "often",
                         "still", "initially", "since", "already", "first"})
#: After it, the particle or preposition of a phrasal cue ("pointed out", "called for").
CUE_PARTICLES = frozenset({"prt", "prep", "agent"})
