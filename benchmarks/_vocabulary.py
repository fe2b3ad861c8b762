"""The words the synthetic briefs are made of (benchmarks/generate.py): parties, names,
titles, topics, places, verbs, quote and sentence templates, statuses and stances."""

from __future__ import annotations

import calendar

PARTY_POOL = [
    ("Northland", "NL"),
    ("Southmark", "SM"),
    ("Eastvale", "EV"),
    ("Westreach", "WR"),
    ("Highmoor", "HM"),
    ("Lowfen", "LF"),
    ("Stonegate", "SG"),
    ("Coral Isles", "CI"),
    ("Ironcoast", "IC"),
    ("Sunmere", "SUN"),
    ("Ashford Republic", "AR"),
    ("Greywater", "GW"),
    ("Marrow Union", "MU"),
    ("Tallpine", "TP"),
]
FIRST = """Alma Bruno Cora Dario Edda Farid Greta Hugo Ilse Jonas Kira Lev Mira Nils Olga Pavel
Rana Sami Tove Ugo Vera Wim Yana Zoran Aida Boris Celia Dmitri Elif Fabian Gita Henrik Irena Jakub
Katya Lorenzo Maren Nadia Oskar Petra Quentin Rosa Stefan Tamar Uri Valeria Wendel Ximena Yusuf
Zelda Anouk Bram Carmen Dag Esme Frode Goran Hana Ivo Juno""".split()
LAST = """Berg Castell Dunmore Eklund Ferrante Garside Holm Ivanic Jessop Kovac Lindqvist Marsh
Novak Ostrander Petrov Quill Rask Sandoval Tarrant Ulvaeus Vance Whitlock Yilmaz Zorin Abernethy
Blackwood Cardenas Duval Esterhazy Falk Grünewald Hadley Ingram Jovanovic Kessler Lombardi Moreau
Nakamura Okafor Pryce Radu Sorensen Thibault Urquhart Varga Wexler Yamada Zielinski Arkwright
Beaumont Cho Delacroix Eriksen Fontaine Galloway Horvath Iqbal Janssen Kowalczyk Laurent Mbeki
Nilsson O’Hare D’Souza Pettersen Quintero Rossi Szabo""".split()
TITLES = [
    "chief negotiator",
    "deputy chief negotiator",
    "foreign minister",
    "defence minister",
    "spokesperson",
    "presidential adviser",
    "special envoy",
    "head of delegation",
    "legal adviser",
    "military adviser",
    "deputy foreign minister",
    "press secretary",
]
TOPICS = [
    "Harbour tolls",
    "Prisoner exchange",
    "Energy strikes",
    "Grain corridor",
    "Water rights",
    "Border crossings",
    "Ceasefire lines",
    "Demining",
    "Refugee returns",
    "Sanctions relief",
    "Reconstruction fund",
    "Language rights",
    "Nuclear plant control",
    "Airspace",
    "Missing persons",
    "Rail links",
    "Fishing zones",
    "Election timetable",
    "Amnesty",
    "Peacekeepers",
    "Heavy weapons pullback",
    "Humanitarian access",
    "Power grid repairs",
    "Detainee visits",
    "Customs union",
    "Pipeline transit",
    "River navigation",
    "War crimes tribunal",
    "Cultural heritage",
    "Debt rescheduling",
]
REGIONS = [
    "Ashvale",
    "Brennick",
    "Corvath",
    "Dunmere",
    "Elsholt",
    "Farrow",
    "Glenmark",
    "Harwick",
    "Istvan",
    "Jorvik",
    "Kelmscott",
    "Larkspur",
    "Morrow",
    "Nettlefield",
    "Orsk",
    "Pellham",
    "Quarry Hills",
    "Redwater",
    "Saltmarsh",
    "Thornbury",
]
PLACES = [
    "Geneva",
    "Vienna",
    "Istanbul",
    "Doha",
    "Abu Dhabi",
    "Oslo",
    "Helsinki",
    "Riyadh",
    "Muscat",
    "Baku",
    "Astana",
    "Minsk",
    "Warsaw",
    "Bratislava",
    "Valletta",
    "Nicosia",
    "Reykjavik",
    "Lisbon",
    "Tunis",
    "Amman",
]
VERBS = [  # (title form, past form)
    ("proposes", "proposed"),
    ("rejects", "rejected"),
    ("accepts", "accepted"),
    ("demands", "demanded"),
    ("signs off on", "signed off on"),
    ("announces", "announced"),
    ("questions", "questioned"),
    ("postpones talks on", "postponed talks on"),
    ("backs", "backed"),
    ("calls for", "called for"),
    ("suspends", "suspended"),
    ("reviews", "reviewed"),
    ("offers", "offered"),
    ("walks back", "walked back"),
]
OBJECTS = [
    "a phased withdrawal from {region}",
    "a prisoner exchange of {n} detainees",
    "new checkpoints along the {region} line",
    "a {h}-hour ceasefire around {place}",
    "monitoring of the {region} grain corridor",
    "a joint commission on {topic}",
    "the reopening of the {region} crossing",
    "a draft framework on {topic}",
    "an observer mission to {region}",
    "a moratorium on strikes near {region}",
    "the return of {n} displaced families to {region}",
    "a technical group on {topic}",
    "a timetable for {topic}",
    "guarantees on {topic}",
    "a buffer zone of {k} kilometres near {region}",
    "the release of {n} civilians held in {region}",
    "repairs to the {region} power line",
]
QUOTE_OPENERS = [
    "We will not accept",
    "There can be no agreement on",
    "Our delegation is ready to discuss",
    "Nobody in this room wants",
    "We have been clear about",
    "History will judge",
    "It is too early to speak of",
    "We came here to talk about",
    "The other side keeps delaying",
    "We are prepared to sign",
    "Our people will never forget",
    "This is the last chance for",
    "We still see no serious offer on",
    "It’s time to finish the work on",
    "We won’t be rushed into",
]
QUOTE_TAILS = [
    "while the shelling of {region} goes on",
    "without guarantees that hold",
    "unless the ceasefire holds through the winter",
    "before the monitors reach {region}",
    "as long as our detainees are held",
    "if the corridor stays closed",
    "until the withdrawal from {region} is verified",
    "while our cities are without power",
    "after what happened in {region}",
    "unless the mediators stand behind it",
    "this week or the next",
    "in good faith and on paper",
    "with everyone at the table",
    "before the {n} families come home",
    "without a word from {place}",
]
CLAUSES = [
    "officials said",
    "according to two people familiar with the talks",
    "a statement from the mediators said",
    "as the round entered its {ord} day",
    "after a night of shelling in {region}",
    "in a session that lasted {h} hours",
    "despite objections from the {region} council",
    "with observers from {place} present",
]
FILLER = [
    "The talks, which began in {month_name} {year}, have moved slowly since the last round.",
    "Residents of {region} said the night had been quiet for the first time in {n} days.",
    "Analysts in {place} cautioned that any deal would need the backing of parliament.",
    "Delegations broke for consultations with their capitals in the afternoon.",
    "The mediators did not publish an agenda for the {ord} session.",
    "Aid convoys waited at the {region} checkpoint for {h} hours before being let through.",
    "Power was restored to {n} homes in {region} by the evening, the grid operator said.",
    "Reporters were kept outside the venue in {place} for most of the day.",
    "A second draft was circulated among the working groups, diplomats said.",
    "Markets in {place} barely moved on the news.",
    "The {region} council met in emergency session and issued no statement.",
    "Talks resumed after a short break.",  # printed in many articles: anchors to it need a prefix
]
STOCK_PHRASE = "Talks resumed after a short break"
REPORTED_OPENERS = [
    "the delegation would not accept",
    "there could be no agreement on",
    "its side was ready to discuss",
    "nobody at the table wanted",
    "the other side kept delaying",
    "it was too early to speak of",
    "the delegation was prepared to sign",
    "its people would not forget",
    "there was still no serious offer on",
]
QUOTE_EXTRAS = [
    "and we will say so in {place}",
    "but the door is not closed",
    "so let nobody pretend otherwise",
    "and that is final",
    "but we are still listening",
    "and the mediators know it",
]
REPORTED_VERBS = ["said", "told reporters", "told the session", "insisted", "argued", "wrote on social media"]
# English whatever the machine's locale: Python leaves LC_TIME at "C" unless a program
# sets it, and this one does not.
WEEKDAYS = list(calendar.day_name)
MONTHS = list(calendar.month_name)[1:]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth"]
STATUSES = [("occurred", 70), ("reported", 10), ("scheduled", 8), ("postponed", 7), ("cancelled", 5)]
STANCES = [
    "Wants {topic} settled before any ceasefire",
    "Rejects any deal on {topic} without guarantees",
    "Is ready to discuss {topic} in a working group",
    "Insists on international monitors for {topic}",
    "Links {topic} to the withdrawal from {region}",
    "Calls {topic} a matter for a later round",
    "Backs the mediators’ draft on {topic}",
    "Demands compensation over {topic}",
]
