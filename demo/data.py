"""What the demo is made of: Cluj-Napoca, its services, people and streets.

Written for the product, not copied from any data set: the boundary is
drawn by hand around the built-up city and the street positions are
approximate. The texts are Romanian because citizens and clerks read them.
"""

from dataclasses import dataclass, field

DEMO_PASSWORD = "demo-sesizari-2026"
SEED = 2026

INSTITUTION = {
    "name": "Primăria Municipiului Cluj-Napoca",
    "slug": "cluj-napoca",
    "main_colour": "#0b4f8a",
    "contact_email": "registratura@primariaclujnapoca.ro",
    "contact_phone": "0264 596 030",
    "contact_address": "Calea Moților nr. 3, 400001 Cluj-Napoca",
    "email_sender": "Primăria Municipiului Cluj-Napoca <sesizari@example.ro>",
    "map_zoom": 13,
    "answer_term_days": 30,
    "intro_text": (
        "Semnalați aici problemele din spațiul public al municipiului "
        "Cluj-Napoca: gropi în carosabil, stâlpi de iluminat stinși, deșeuri "
        "abandonate, mașini parcate pe trotuar, spații verzi neîngrijite. "
        "Fiecare sesizare primește un număr de înregistrare și un răspuns în "
        "cel mult 30 de zile; după verificare apare pe hartă, unde îi puteți "
        "urmări mersul.\n\n"
        "Pentru o urgență, când viața, sănătatea sau bunurile cuiva sunt în "
        "pericol, sunați la 112. Pentru o avarie la rețeaua de apă sau de "
        "canalizare care se petrece acum, anunțați și dispeceratul Companiei "
        "de Apă Someș; pentru un autobuz aflat pe traseu, dispeceratul CTP. "
        "Cererile, contestațiile la impozite și solicitările de documente nu "
        "sunt sesizări: depuneți-le la Registratura Primăriei.\n\n"
        "Numele, telefonul și adresa dumneavoastră de e-mail nu apar niciodată "
        "pe site. Nu scrieți în descriere datele personale ale altor persoane."
    ),
    "intro_text_en": (
        "Report here the problems of Cluj-Napoca's public spaces: potholes, "
        "street lights that are out, dumped rubbish, cars parked on the "
        "pavement, neglected green spaces. Every report gets a registration "
        "number and an answer within 30 days; once checked, it appears on the "
        "map, where you can follow it.\n\n"
        "In an emergency, when someone's life, health or property is in "
        "danger, call 112. For a water or sewer failure happening now, also "
        "call the dispatch centre of Compania de Apă Someș; for a bus on its "
        "route, the CTP dispatch centre. Applications, tax appeals and "
        "requests for documents are not reports: file them with the City "
        "Hall's registry.\n\n"
        "Your name, phone number and e-mail address never appear on the site. "
        "Do not write other people's personal data in the description."
    ),
    "intro_text_hu": (
        "Itt jelezheti Kolozsvár közterületeinek problémáit: kátyúkat, nem "
        "világító lámpákat, illegálisan lerakott hulladékot, járdán parkoló "
        "autókat, elhanyagolt zöldterületeket. Minden bejelentés iktatószámot "
        "kap, és legfeljebb 30 napon belül választ kap; ellenőrzés után "
        "megjelenik a térképen, ahol nyomon követheti.\n\n"
        "Vészhelyzetben, ha valakinek az élete, az egészsége vagy a vagyona "
        "veszélyben van, hívja a 112-t. Éppen zajló víz- vagy "
        "csatornahálózati meghibásodás esetén értesítse a Szamos Vízművek "
        "(Compania de Apă Someș) diszpécserszolgálatát is; egy útvonalán "
        "közlekedő autóbusz ügyében a CTP diszpécserszolgálatát. A kérvények, "
        "az adóügyi fellebbezések és az iratigénylések nem bejelentések: "
        "ezeket a Polgármesteri Hivatal iktatójában nyújtsa be.\n\n"
        "Neve, telefonszáma és e-mail-címe soha nem jelenik meg a honlapon. "
        "A leírásba ne írja bele mások személyes adatait."
    ),
}
CENTRE = (23.5899, 46.7712)

# (longitude, latitude), clockwise from Mănăștur; an approximation of the
# built-up city, drawn by hand.
BOUNDARY = [
    (23.520, 46.755),
    (23.525, 46.775),
    (23.540, 46.790),
    (23.560, 46.805),
    (23.585, 46.812),
    (23.610, 46.808),
    (23.635, 46.800),
    (23.660, 46.798),
    (23.690, 46.795),
    (23.700, 46.780),
    (23.680, 46.768),
    (23.655, 46.760),
    (23.640, 46.745),
    (23.625, 46.732),
    (23.605, 46.725),
    (23.585, 46.722),
    (23.565, 46.728),
    (23.550, 46.738),
    (23.530, 46.745),
]


@dataclass(frozen=True)
class DepartmentSpec:
    key: str
    name: str
    email: str
    is_operator: bool = False


DEPARTMENTS = [
    DepartmentSpec("police", "Direcția Generală Poliția Locală", "politia@example.ro"),
    DepartmentSpec("technical", "Direcția Tehnică", "tehnic@example.ro"),
    DepartmentSpec(
        "ecology", "Direcția Ecologie Urbană și Spații Verzi", "ecologie@example.ro"
    ),
    DepartmentSpec(
        "traffic", "Serviciul Siguranța Circulației", "circulatie@example.ro"
    ),
    DepartmentSpec("lighting", "Serviciul Iluminat Public", "iluminat@example.ro"),
    DepartmentSpec(
        "parking", "Direcția Patrimoniu – Serviciul Parcări", "parcari@example.ro"
    ),
    DepartmentSpec(
        "ctp",
        "Compania de Transport Public Cluj-Napoca",
        "dispecerat.ctp@example.ro",
        is_operator=True,
    ),
    DepartmentSpec(
        "cas", "Compania de Apă Someș", "dispecerat.cas@example.ro", is_operator=True
    ),
    DepartmentSpec(
        "social",
        "Direcția de Asistență Socială și Medicală",
        "asistenta.sociala@example.ro",
    ),
    DepartmentSpec("taxes", "Direcția Impozite și Taxe Locale", "taxe@example.ro"),
    # "Altele" has no natural owner: the current platform leaves it to the
    # registry clerk. Publishing needs a department, so such reports go to
    # the mayor's public relations office, which forwards them.
    DepartmentSpec(
        "cabinet", "Cabinet Primar – Relații cu publicul", "relatii@example.ro"
    ),
]


@dataclass(frozen=True)
class Version:
    """A category's texts in another language, as its administrator writes them."""

    name: str
    description: str
    guidance: str = ""


@dataclass(frozen=True)
class CategorySpec:
    key: str
    name: str
    icon: str
    colour: str
    department: str
    description: str
    # Reports of the current Cluj platform, 2017–2026: the demo keeps the mix.
    volume: int
    # What else to do, shown once the category is chosen.
    guidance: str = ""
    en: Version = field(kw_only=True)
    hu: Version = field(kw_only=True)


CATEGORIES = [
    CategorySpec(
        "illegal_parking",
        "Parcări neregulamentare",
        "🚗",
        "#c62828",
        "police",
        "Vehicule parcate pe trotuar, pe spațiul verde, pe trecerea de pietoni, "
        "în stațiile de transport public sau pe locurile rezervate persoanelor "
        "cu dizabilități, ori care blochează ieșirea din garaje și parcări. "
        "Pentru un pericol imediat sunați la 112.",
        40_625,
        en=Version(
            "Illegal parking",
            "Vehicles parked on the pavement, on green spaces, on pedestrian "
            "crossings, at public transport stops or in spaces reserved for "
            "people with disabilities, or blocking the way out of garages and "
            "car parks. For an immediate danger, call 112.",
        ),
        hu=Version(
            "Szabálytalan parkolás",
            "Járdán, zöldterületen, gyalogátkelőhelyen, tömegközlekedési "
            "megállóban vagy a mozgássérültek számára fenntartott helyen parkoló "
            "járművek, illetve garázsok és parkolók kijáratát elzáró járművek. "
            "Közvetlen veszély esetén hívja a 112-t.",
        ),
    ),
    CategorySpec(
        "roads",
        "Străzi/Alei/Trotuare/Poduri",
        "🚧",
        "#8d6e63",
        "technical",
        "Gropi și denivelări în carosabil, trotuare și borduri rupte, alei "
        "dintre blocuri degradate, rampe lipsă la trecerile de pietoni, poduri "
        "și pasaje deteriorate.",
        39_894,
        en=Version(
            "Streets/Alleys/Pavements/Bridges",
            "Potholes and uneven road surfaces, broken pavements and kerbs, "
            "run-down alleys between blocks of flats, missing ramps at "
            "pedestrian crossings, damaged bridges and underpasses.",
        ),
        hu=Version(
            "Utcák/Sétányok/Járdák/Hidak",
            "Kátyúk és egyenetlenségek az úttesten, törött járdák és "
            "szegélykövek, rossz állapotú sétányok a tömbházak között, hiányzó "
            "rámpák a gyalogátkelőhelyeknél, megrongálódott hidak és aluljárók.",
        ),
    ),
    CategorySpec(
        "green",
        "Spații verzi/Parcuri",
        "🌳",
        "#2e7d32",
        "ecology",
        "Iarbă necosită, arbori uscați sau căzuți, crengi periculoase, "
        "toaletări, bănci și coșuri din parcuri stricate, locuri de joacă "
        "deteriorate, spații verzi distruse.",
        25_750,
        en=Version(
            "Green spaces/Parks",
            "Uncut grass, dry or fallen trees, dangerous branches, pruning, "
            "broken benches and bins in parks, damaged playgrounds, ruined "
            "green spaces.",
        ),
        hu=Version(
            "Zöldterületek/Parkok",
            "Lenyíratlan fű, kiszáradt vagy kidőlt fák, veszélyes ágak, "
            "gallyazás, tönkrement padok és szemetesek a parkokban, megrongált "
            "játszóterek, tönkretett zöldterületek.",
        ),
    ),
    CategorySpec(
        "cleaning",
        "Salubritate",
        "🧹",
        "#00897b",
        "ecology",
        "Străzi nemăturate, coșuri de gunoi stradale pline, pubele neridicate "
        "la termen, containere deteriorate, animale moarte pe domeniul public.",
        18_128,
        en=Version(
            "Street cleaning",
            "Unswept streets, full litter bins, household bins not emptied on "
            "time, damaged containers, dead animals on public land.",
        ),
        hu=Version(
            "Köztisztaság",
            "Felsepretlen utcák, megtelt utcai szemetesek, időben el nem "
            "szállított kukák, megrongálódott konténerek, elhullott állatok "
            "közterületen.",
        ),
    ),
    CategorySpec(
        "signs",
        "Semnalizare rutieră",
        "🚦",
        "#ef6c00",
        "traffic",
        "Semafoare defecte, indicatoare lipsă, căzute sau acoperite de "
        "vegetație, marcaje rutiere șterse, propuneri de limitatoare de viteză "
        "sau de treceri de pietoni.",
        14_339,
        en=Version(
            "Road signs and markings",
            "Faulty traffic lights, missing or fallen signs or signs hidden by "
            "vegetation, faded road markings, proposals for speed bumps or "
            "pedestrian crossings.",
        ),
        hu=Version(
            "Közúti jelzések",
            "Hibás jelzőlámpák, hiányzó, ledőlt vagy növényzettel benőtt "
            "közlekedési táblák, lekopott útburkolati jelek, javaslatok "
            "fekvőrendőrre vagy gyalogátkelőhelyre.",
        ),
    ),
    CategorySpec(
        "lighting",
        "Iluminat public",
        "💡",
        "#f9a825",
        "lighting",
        "Stâlpi de iluminat stinși sau care pâlpâie, lămpi aprinse ziua, "
        "stâlpi înclinați sau cu cutia de conexiuni deschisă, zone și treceri "
        "de pietoni neiluminate.",
        13_299,
        en=Version(
            "Street lighting",
            "Street lights that are out or flicker, lamps lit during the day, "
            "leaning poles or poles with an open junction box, unlit areas and "
            "pedestrian crossings.",
        ),
        hu=Version(
            "Közvilágítás",
            "Nem világító vagy villogó lámpák, nappal is égő lámpák, megdőlt "
            "oszlopok vagy nyitott csatlakozódobozú oszlopok, kivilágítatlan "
            "területek és gyalogátkelőhelyek.",
        ),
    ),
    CategorySpec(
        "parking",
        "Parcări/Parking-uri",
        "🅿️",
        "#1565c0",
        "parking",
        "Parcările publice și de reședință și parking-urile: marcaje lipsă sau "
        "șterse, automate de plată și bariere defecte, locuri de reședință "
        "ocupate, vehicule abandonate pe locurile de parcare.",
        13_260,
        en=Version(
            "Car parks/Parking garages",
            "Public and residents' car parks and parking garages: missing or "
            "faded markings, faulty pay machines and barriers, residents' "
            "spaces taken by others, vehicles abandoned in parking spaces.",
        ),
        hu=Version(
            "Parkolók/Parkolóházak",
            "Nyilvános és lakossági parkolók, parkolóházak: hiányzó vagy "
            "lekopott felfestések, hibás fizetőautomaták és sorompók, "
            "elfoglalt lakossági parkolóhelyek, parkolóhelyen hagyott "
            "elhagyott járművek.",
        ),
    ),
    CategorySpec(
        "dumping",
        "Depozitări deșeuri",
        "🚮",
        "#6d4c41",
        "ecology",
        "Deșeuri aruncate ilegal pe domeniul public: moloz, mobilier vechi, "
        "electrocasnice, anvelope, saci de gunoi lăsați lângă blocuri, în "
        "parcuri sau pe terenuri virane.",
        9_583,
        en=Version(
            "Illegal dumping",
            "Waste dumped illegally on public land: rubble, old furniture, "
            "household appliances, tyres, rubbish bags left next to blocks of "
            "flats, in parks or on vacant lots.",
        ),
        hu=Version(
            "Illegális hulladéklerakás",
            "Közterületen illegálisan lerakott hulladék: építési törmelék, régi "
            "bútor, háztartási gépek, gumiabroncsok, tömbházak mellett, "
            "parkokban vagy üres telkeken hagyott szemeteszsákok.",
        ),
    ),
    CategorySpec(
        "construction",
        "Construcții/lucrări neautorizate; organizare șantier",
        "🏗️",
        "#6a1b9a",
        "police",
        "Construcții sau lucrări fără autorizație ori fără panou de "
        "identificare, șantiere care ocupă trotuarul, lucrări zgomotoase în "
        "afara programului, noroi și materiale scăpate pe carosabil.",
        7_715,
        en=Version(
            "Unauthorised building work; building sites",
            "Buildings or works without a permit or without a site board, "
            "building sites taking up the pavement, noisy works outside the "
            "permitted hours, mud and materials dropped on the road.",
        ),
        hu=Version(
            "Engedély nélküli építkezés, munkálatok; építési területek",
            "Engedély vagy tájékoztató tábla nélküli építkezések és munkálatok, "
            "a járdát elfoglaló építési területek, a megengedett időn kívül "
            "végzett zajos munkák, az úttestre hordott sár és építőanyag.",
        ),
    ),
    CategorySpec(
        "transit",
        "Transport public (CTP)",
        "🚌",
        "#ad1457",
        "ctp",
        "Stații de autobuz, troleibuz și tramvai deteriorate, afișaje defecte, "
        "întârzieri repetate, validatoare stricate, curățenia vehiculelor. "
        "Sesizarea ajunge la Compania de Transport Public Cluj-Napoca.",
        6_454,
        en=Version(
            "Public transport (CTP)",
            "Damaged bus, trolleybus and tram stops, faulty displays, repeated "
            "delays, broken ticket validators, dirty vehicles. The report goes "
            "to the public transport company, Compania de Transport Public "
            "Cluj-Napoca.",
        ),
        hu=Version(
            "Közszállítás (CTP)",
            "Megrongált autóbusz-, trolibusz- és villamosmegállók, hibás "
            "kijelzők, ismétlődő késések, elromlott jegyérvényesítők, a "
            "járművek tisztasága. A bejelentés a Kolozsvári Közszállítási "
            "Vállalathoz (Compania de Transport Public Cluj-Napoca) jut el.",
        ),
    ),
    CategorySpec(
        "water",
        "Rețele de apă/canalizare (CAS)",
        "🚰",
        "#0277bd",
        "cas",
        "Țevi sparte și scurgeri de apă, capace de cămin lipsă sau zgomotoase, "
        "guri de scurgere înfundate, canalizare refulată, lipsa apei. "
        "Sesizarea ajunge la Compania de Apă Someș.",
        3_157,
        "Pentru o avarie care curge acum, anunțați și dispeceratul Companiei "
        "de Apă Someș, la numărul de pe factură: echipa de intervenție vine "
        "mai repede decât răspunsul la o sesizare.",
        en=Version(
            "Water and sewerage networks (CAS)",
            "Burst pipes and water leaks, missing or rattling manhole covers, "
            "blocked drains, sewage backing up, no water. The report goes to "
            "the water company, Compania de Apă Someș.",
            "For a leak happening now, also call the dispatch centre of "
            "Compania de Apă Someș, on the number on your bill: its repair team "
            "comes sooner than the answer to a report.",
        ),
        hu=Version(
            "Víz- és csatornahálózat (CAS)",
            "Csőtörések és vízszivárgás, hiányzó vagy zörgő aknafedelek, "
            "eldugult víznyelők, visszafolyó szennyvíz, vízhiány. A bejelentés "
            "a Szamos Vízművekhez (Compania de Apă Someș) jut el.",
            "Ha a víz most is folyik, értesítse a Szamos Vízművek "
            "diszpécserszolgálatát is, a számláján szereplő telefonszámon: a "
            "hibaelhárítók hamarabb kiérnek, mint ahogy a bejelentésre válasz "
            "érkezik.",
        ),
    ),
    CategorySpec(
        "noise",
        "Tulburarea liniștii publice",
        "🔊",
        "#4527a0",
        "police",
        "Zgomot puternic de la localuri, terase, petreceri sau șantiere, mai "
        "ales între orele 22 și 8, alarme care sună fără oprire. Pentru o "
        "situație în desfășurare sunați la 112.",
        2_180,
        en=Version(
            "Disturbing the peace",
            "Loud noise from bars, terraces, parties or building sites, "
            "especially between 10 pm and 8 am, alarms that will not stop. For "
            "something happening right now, call 112.",
        ),
        hu=Version(
            "Csendháborítás",
            "Szórakozóhelyek, teraszok, bulik vagy építkezések erős zaja, "
            "főleg este 10 és reggel 8 óra között, megállás nélkül szóló "
            "riasztók. Éppen zajló csendháborítás esetén hívja a 112-t.",
        ),
    ),
    CategorySpec(
        "social",
        "Asistență socială",
        "🤝",
        "#c2185b",
        "social",
        "Persoane vârstnice, bolnave sau singure care au nevoie de ajutor, "
        "familii în dificultate, copii lăsați nesupravegheați. Descrieți "
        "situația fără nume: datele le verifică asistenții sociali.",
        816,
        en=Version(
            "Social assistance",
            "Elderly, ill or lonely people who need help, families in "
            "difficulty, children left unsupervised. Describe the situation "
            "without names: the social workers check the details.",
        ),
        hu=Version(
            "Szociális segítségnyújtás",
            "Segítségre szoruló idős, beteg vagy magányos emberek, nehéz "
            "helyzetben lévő családok, felügyelet nélkül hagyott gyermekek. "
            "Nevek nélkül írja le a helyzetet: az adatokat a szociális "
            "munkások ellenőrzik.",
        ),
    ),
    CategorySpec(
        "taxes",
        "Taxe și impozite",
        "🧾",
        "#455a64",
        "taxes",
        "Probleme cu plata online, cu deciziile de impunere sau cu taxa de "
        "salubrizare. Contestațiile se depun la Direcția Impozite și Taxe "
        "Locale, nu prin sesizare.",
        780,
        en=Version(
            "Local taxes",
            "Problems with paying online, with tax assessments or with the "
            "waste collection fee. Appeals go to the local taxes office, "
            "Direcția Impozite și Taxe Locale, not through a report.",
        ),
        hu=Version(
            "Helyi adók és illetékek",
            "Gondok az online fizetéssel, az adókivetési határozatokkal vagy a "
            "hulladékszállítási díjjal. Az adókivetés elleni fellebbezést a "
            "Helyi Adók és Illetékek Igazgatóságán kell benyújtani, nem "
            "bejelentésként.",
        ),
    ),
    CategorySpec(
        "homeless",
        "Persoane fără adăpost sau care apelează la mila publicului",
        "🏠",
        "#7b1fa2",
        "social",
        "Persoane care dorm pe stradă, în parcuri sau în scările blocurilor, "
        "persoane și copii care cerșesc. În nopțile reci echipele sociale "
        "intervin pentru adăpostire.",
        298,
        en=Version(
            "Homeless people and begging",
            "People sleeping in the street, in parks or in the stairwells of "
            "blocks of flats, adults and children begging. On cold nights the "
            "social teams go out to offer them shelter.",
        ),
        hu=Version(
            "Hajléktalanok és kéregetők",
            "Utcán, parkokban vagy tömbházak lépcsőházában alvó emberek, "
            "kéregető felnőttek és gyermekek. Hideg éjszakákon a szociális "
            "csapatok kimennek hozzájuk, és szállást ajánlanak nekik.",
        ),
    ),
    CategorySpec(
        "other",
        "Altele",
        "❓",
        "#616161",
        "cabinet",
        "Orice altă problemă a orașului care nu se potrivește în categoriile "
        "de mai sus. Registratura o trimite serviciului competent.",
        19_018,
        en=Version(
            "Other",
            "Any other problem of the city that fits none of the categories "
            "above. The registry sends it to the department responsible.",
        ),
        hu=Version(
            "Egyéb",
            "A város bármely más problémája, amely nem illik a fenti "
            "kategóriák egyikébe sem. Az iktató az illetékes osztályhoz "
            "továbbítja.",
        ),
    ),
]


@dataclass(frozen=True)
class QuestionVersion:
    """A question's texts in another language; choices keep the original keys."""

    label: str
    help_text: str = ""
    choices: str = ""


@dataclass(frozen=True)
class QuestionSpec:
    code: str
    label: str
    kind: str
    help_text: str = ""
    # For the choice kinds: "key: name" lines, as the admin takes them.
    choices: str = ""
    required: bool = False
    en: QuestionVersion = field(kw_only=True)
    hu: QuestionVersion = field(kw_only=True)


# The extra questions of some categories, by the category's key.
QUESTIONS = {
    "roads": [
        QuestionSpec(
            "size-cm",
            "Cât de mare este groapa, aproximativ (cm)?",
            "number",
            help_text="Lungimea celei mai mari laturi, de exemplu 40 sau 2,5.",
            en=QuestionVersion(
                "How big is the pothole, roughly (cm)?",
                "The length of its longest side, for example 40 or 2.5.",
            ),
            hu=QuestionVersion(
                "Körülbelül mekkora a kátyú (cm)?",
                "A leghosszabb oldala, például 40 vagy 2,5.",
            ),
        ),
        QuestionSpec(
            "carriageway",
            "Unde este?",
            "single",
            choices="road: Pe carosabil\nsidewalk: Pe trotuar\nalley: Pe o alee",
            required=True,
            en=QuestionVersion(
                "Where is it?",
                choices=(
                    "road: On the road\nsidewalk: On the pavement\nalley: In an alley"
                ),
            ),
            hu=QuestionVersion(
                "Hol van?",
                choices="road: Az úttesten\nsidewalk: A járdán\nalley: Sétányon",
            ),
        ),
    ],
    "lighting": [
        QuestionSpec(
            "how",
            "Lampa este stinsă toată noaptea sau pâlpâie?",
            "single",
            choices=(
                "off: Stinsă toată noaptea\nflickering: Pâlpâie\nday: Aprinsă și ziua"
            ),
            required=True,
            en=QuestionVersion(
                "Is the lamp out all night, or does it flicker?",
                choices=(
                    "off: Out all night\nflickering: It flickers\n"
                    "day: On in the daytime too"
                ),
            ),
            hu=QuestionVersion(
                "A lámpa egész éjjel nem ég, vagy villog?",
                choices=(
                    "off: Egész éjjel nem ég\nflickering: Villog\nday: Nappal is ég"
                ),
            ),
        ),
        QuestionSpec(
            "pole-number",
            "Numărul stâlpului, dacă îl vedeți",
            "text",
            help_text="Este scris de obicei pe o plăcuță, la înălțimea ochilor.",
            en=QuestionVersion(
                "The pole's number, if you can see it",
                "It is usually written on a small plate at eye level.",
            ),
            hu=QuestionVersion(
                "Az oszlop száma, ha látja",
                "Általában egy kis táblán áll, szemmagasságban.",
            ),
        ),
    ],
    "dumping": [
        QuestionSpec(
            "waste",
            "Ce fel de deșeuri sunt?",
            "multiple",
            help_text="Alegeți toate care se potrivesc.",
            choices=(
                "rubble: Moloz din construcții\n"
                "furniture: Mobilier vechi\n"
                "appliances: Electrocasnice\n"
                "tyres: Anvelope\n"
                "household: Saci cu gunoi menajer"
            ),
            required=True,
            en=QuestionVersion(
                "What kind of waste is it?",
                "Choose all that apply.",
                choices=(
                    "rubble: Building rubble\n"
                    "furniture: Old furniture\n"
                    "appliances: Household appliances\n"
                    "tyres: Tyres\n"
                    "household: Bags of household rubbish"
                ),
            ),
            hu=QuestionVersion(
                "Milyen hulladékról van szó?",
                "Jelölje be az összes megfelelőt.",
                choices=(
                    "rubble: Építési törmelék\n"
                    "furniture: Régi bútor\n"
                    "appliances: Háztartási gépek\n"
                    "tyres: Gumiabroncsok\n"
                    "household: Zsákokban háztartási szemét"
                ),
            ),
        ),
    ],
}


@dataclass(frozen=True)
class PersonSpec:
    email: str
    full_name: str
    role: str = ""
    department: str = ""
    phone: str = ""
    # The language they chose on the site: their e-mails are written in it.
    language: str = "ro"


# The demo citizen whose account a visitor tries first comes first.
CITIZENS = [
    PersonSpec("cetatean@example.ro", "Ioana Mureșan", phone="+40740000101"),
    PersonSpec("mihai.rus@example.ro", "Mihai Rus", phone="+40740000102"),
    PersonSpec(
        "kovacs.eva@example.ro", "Éva Kovács", phone="+40740000103", language="hu"
    ),
    PersonSpec("vlad.moldovan@example.ro", "Vlad Moldovan"),
    PersonSpec("cristina.pop@example.ro", "Cristina Pop", phone="+40740000105"),
    PersonSpec("bogdan.sabau@example.ro", "Bogdan Sabău"),
    PersonSpec("andreea.man@example.ro", "Andreea Man", phone="+40740000107"),
    PersonSpec("farkas.gabor@example.ro", "Gábor Farkas", language="hu"),
]

STAFF = [
    PersonSpec("registratura@example.ro", "Laura Cozma", "clerk"),
    PersonSpec("sef.politia@example.ro", "Sorin Bârsan", "head", "police"),
    PersonSpec("agent.politia@example.ro", "Ionuț Crișan", "staff", "police"),
    PersonSpec("sef.tehnic@example.ro", "Radu Vlaicu", "head", "technical"),
    PersonSpec("responsabil.tehnic@example.ro", "Dan Oltean", "staff", "technical"),
    PersonSpec("inginer.tehnic@example.ro", "Alina Todea", "staff", "technical"),
    PersonSpec("sef.ecologie@example.ro", "Maria Pârvu", "head", "ecology"),
    PersonSpec("responsabil.ecologie@example.ro", "Paul Szabó", "staff", "ecology"),
    PersonSpec("sef.circulatie@example.ro", "Cătălin Buzdugan", "head", "traffic"),
    PersonSpec("sef.iluminat@example.ro", "Horia Lazăr", "head", "lighting"),
    PersonSpec("sef.parcari@example.ro", "Diana Onea", "head", "parking"),
    PersonSpec("dispecer.ctp@example.ro", "Ovidiu Gavra", "head", "ctp"),
    PersonSpec("dispecer.cas@example.ro", "Ramona Suciu", "head", "cas"),
    PersonSpec("sef.asistenta@example.ro", "Adriana Hossu", "head", "social"),
    PersonSpec("sef.taxe@example.ro", "Florin Ardelean", "head", "taxes"),
    PersonSpec("sef.cabinet@example.ro", "Teodora Rusu", "head", "cabinet"),
    PersonSpec("administrator@example.ro", "Carmen Sălăjan", "admin"),
    PersonSpec("conducere@example.ro", "Simona Viceprimar", "viewer"),
]

# The deployment's superuser, above every institution: no role in any.
SUPERUSER = PersonSpec("admin@example.ro", "Andrei Administrator")


@dataclass(frozen=True)
class Neighbourhood:
    name: str
    # How many of the reports come from here, relative to the others.
    weight: int
    # (name, longitude, latitude) of streets, at about their middle.
    streets: tuple[tuple[str, float, float], ...]


NEIGHBOURHOODS = [
    Neighbourhood(
        "Centru",
        22,
        (
            ("Piața Unirii", 23.5897, 46.7696),
            ("Bulevardul Eroilor", 23.5935, 46.7707),
            ("Strada Memorandumului", 23.5838, 46.7699),
            ("Strada Regele Ferdinand", 23.5905, 46.7722),
            ("Strada Iuliu Maniu", 23.5925, 46.7701),
            ("Strada Napoca", 23.5855, 46.7690),
            ("Bulevardul 21 Decembrie 1989", 23.5965, 46.7735),
            ("Piața Mihai Viteazul", 23.5950, 46.7738),
            ("Strada Avram Iancu", 23.5930, 46.7662),
            ("Strada Mihail Kogălniceanu", 23.5905, 46.7676),
            ("Strada Republicii", 23.5885, 46.7625),
            ("Strada Clinicilor", 23.5810, 46.7655),
            ("Calea Moților", 23.5775, 46.7680),
            ("Piața Cipariu", 23.6000, 46.7680),
            ("Strada Horea", 23.5880, 46.7765),
            ("Piața Gării", 23.5864, 46.7842),
        ),
    ),
    Neighbourhood(
        "Mănăștur",
        18,
        (
            ("Calea Mănăștur", 23.5590, 46.7605),
            ("Strada Primăverii", 23.5480, 46.7560),
            ("Strada Bucium", 23.5515, 46.7530),
            ("Strada Mehedinți", 23.5505, 46.7545),
            ("Strada Parâng", 23.5460, 46.7525),
            ("Strada Izlazului", 23.5420, 46.7570),
            ("Strada Grigore Alexandrescu", 23.5530, 46.7585),
            ("Strada Negoiu", 23.5530, 46.7555),
            ("Strada Hațeg", 23.5435, 46.7595),
            ("Calea Florești", 23.5440, 46.7625),
        ),
    ),
    Neighbourhood(
        "Gheorgheni",
        13,
        (
            ("Strada Teodor Mihali", 23.6205, 46.7730),
            ("Aleea Detunata", 23.6245, 46.7625),
            ("Strada Meteor", 23.6225, 46.7685),
            ("Strada Dunării", 23.6290, 46.7695),
            ("Strada Alexandru Vaida Voevod", 23.6265, 46.7712),
            ("Bulevardul Nicolae Titulescu", 23.6175, 46.7660),
            ("Strada Septimiu Albini", 23.6300, 46.7655),
            ("Strada Brâncuși", 23.6130, 46.7705),
        ),
    ),
    Neighbourhood(
        "Mărăști",
        12,
        (
            ("Calea Dorobanților", 23.6045, 46.7765),
            ("Strada Fabricii", 23.6150, 46.7795),
            ("Piața Mărăști", 23.6120, 46.7800),
            ("Strada Aurel Vlaicu", 23.6330, 46.7810),
            ("Bulevardul Muncii", 23.6380, 46.7865),
            ("Strada Fabricii de Zahăr", 23.6265, 46.7845),
        ),
    ),
    Neighbourhood(
        "Zorilor",
        10,
        (
            ("Strada Observatorului", 23.5875, 46.7570),
            ("Strada Zorilor", 23.5810, 46.7570),
            ("Strada Louis Pasteur", 23.5770, 46.7575),
            ("Strada Gheorghe Dima", 23.5845, 46.7535),
            ("Calea Turzii", 23.6010, 46.7520),
        ),
    ),
    Neighbourhood(
        "Grigorescu",
        9,
        (
            ("Bulevardul 1 Decembrie 1918", 23.5620, 46.7695),
            ("Strada Donath", 23.5600, 46.7745),
            ("Strada Ion Meșter", 23.5560, 46.7720),
            ("Strada Constanța", 23.5715, 46.7715),
            ("Strada Plopilor", 23.5725, 46.7700),
        ),
    ),
    Neighbourhood(
        "Andrei Mureșanu",
        4,
        (
            ("Strada Andrei Mureșanu", 23.6065, 46.7595),
            ("Strada Tăietura Turcului", 23.6150, 46.7570),
        ),
    ),
    Neighbourhood(
        "Bună Ziua",
        4,
        (
            ("Strada Bună Ziua", 23.6060, 46.7385),
            ("Strada Frunzișului", 23.5980, 46.7450),
        ),
    ),
    Neighbourhood(
        "Iris și Dâmbul Rotund",
        5,
        (
            ("Strada Oașului", 23.5700, 46.7880),
            ("Calea Baciului", 23.5650, 46.7935),
        ),
    ),
    Neighbourhood(
        "Someșeni",
        3,
        (("Strada Traian Vuia", 23.6650, 46.7850),),
    ),
]


# Zones for the demo: rough outlines of six neighbourhoods, drawn by hand
# around their streets above, (longitude, latitude). The other
# neighbourhoods have none, so their reports are "outside the zones".
ZONES = [
    (
        "Centru",
        [
            (23.574, 46.760),
            (23.603, 46.760),
            (23.603, 46.775),
            (23.596, 46.787),
            (23.580, 46.787),
            (23.574, 46.778),
        ],
    ),
    (
        "Mănăștur",
        [
            (23.535, 46.750),
            (23.552, 46.747),
            (23.564, 46.752),
            (23.564, 46.766),
            (23.535, 46.766),
        ],
    ),
    (
        "Grigorescu",
        [
            (23.550, 46.766),
            (23.574, 46.766),
            (23.574, 46.778),
            (23.553, 46.779),
        ],
    ),
    (
        "Zorilor",
        [
            (23.572, 46.748),
            (23.590, 46.744),
            (23.605, 46.748),
            (23.603, 46.760),
            (23.574, 46.760),
        ],
    ),
    (
        "Gheorgheni",
        [
            (23.609, 46.761),
            (23.636, 46.761),
            (23.637, 46.775),
            (23.609, 46.775),
        ],
    ),
    (
        "Mărăști",
        [
            (23.603, 46.775),
            (23.637, 46.775),
            (23.642, 46.790),
            (23.610, 46.791),
        ],
    ),
]


# Shared fillers of the description templates; a category's own win.
COMMON_FILLERS = {
    "when": [
        "de câteva zile",
        "de o săptămână",
        "de aproape două săptămâni",
        "de mai bine de o lună",
        "de la ultima ploaie",
        "de la începutul lunii",
    ],
    "time": [
        "seara",
        "noaptea",
        "dimineața devreme",
        "în weekend",
        "aproape în fiecare zi",
    ],
    "ask": [
        "Vă rog să interveniți.",
        "Vă rog să luați măsuri.",
        "Vă rugăm să remediați problema cât mai repede.",
        "Mulțumesc anticipat.",
        "Aștept un răspuns.",
        "Vă rog să trimiteți pe cineva să verifice.",
    ],
    "car": ["gri", "negru", "alb", "roșu", "albastru", "de culoare închisă"],
    "who": [
        "Persoanele în vârstă",
        "Părinții cu cărucioare",
        "Copiii care merg la școală",
        "Trecătorii",
    ],
    "pothole": [
        "Are aproape 10 cm adâncime și se mărește după fiecare ploaie.",
        "Când plouă se umple cu apă și nu se mai vede.",
        "Un vecin și-a spart deja o jantă în ea.",
        "Este chiar pe traseul bicicliștilor.",
    ],
    "line": ["3", "9", "24", "25", "30", "35", "43", "46B"],
}

# {on_street} reads "pe strada Horea" or "în Piața Unirii"; {of_street}
# "de pe strada Horea" or "din Piața Unirii"; {number} is the house number
# of the report's address.
DESCRIPTIONS = {
    "illegal_parking": [
        (
            "Mașini parcate pe trotuar {on_street}, în dreptul numărului {number}. "
            "Pietonii, inclusiv mamele cu cărucioare, sunt nevoiți să meargă pe "
            "carosabil. Situația se repetă {time}. {ask}"
        ),
        (
            "Un autoturism {car} este parcat pe trecerea de pietoni {of_street}, "
            "lângă nr. {number}, și blochează vizibilitatea. {ask}"
        ),
        (
            "Stația de autobuz {of_street} este ocupată zilnic de mașini parcate, "
            "iar autobuzele opresc în mijlocul drumului. {ask}"
        ),
        (
            "Locul pentru persoane cu dizabilități {of_street} nr. {number} este "
            "ocupat {time} de mașini fără legitimație. {ask}"
        ),
        (
            "Mașini parcate pe spațiul verde dintre blocuri {on_street}; iarba a "
            "fost distrusă complet. {ask}"
        ),
        (
            "Duba unei firme de livrări blochează ieșirea din parcarea blocului "
            "{of_street} nr. {number}, {time}. Nu putem scoate mașinile. {ask}"
        ),
    ],
    "roads": [
        (
            "Groapă mare în carosabil {on_street}, în dreptul numărului {number}. "
            "{pothole} Mașinile o ocolesc pe contrasens. {ask}"
        ),
        (
            "Trotuarul {of_street} nr. {number} este rupt pe o porțiune de câțiva "
            "metri, cu dale desprinse. {who} se împiedică zilnic. {ask}"
        ),
        (
            "Bordura de la trecerea de pietoni {of_street} este spartă și nu are "
            "rampă pentru cărucioare și scaune cu rotile. {ask}"
        ),
        (
            "Asfaltul aleii dintre blocurile {of_street} s-a surpat {when}. Se "
            "adună apă, iar iarna se face gheață. {ask}"
        ),
        (
            "După lucrările la rețele {of_street}, șanțul a fost acoperit doar cu "
            "pământ și pietriș. Carosabilul este denivelat în dreptul numărului "
            "{number}. {ask}"
        ),
        (
            "Pe trotuarul {of_street} s-a format o gaură adâncă lângă un copac, "
            "foarte periculoasă noaptea. {ask}"
        ),
    ],
    "green": [
        (
            "Spațiul verde {of_street} nr. {number} nu a mai fost cosit {when}; "
            "iarba a ajuns la jumătate de metru. {ask}"
        ),
        (
            "Un copac uscat {of_street}, în fața numărului {number}, are crengi "
            "mari care stau să cadă peste trotuar și peste mașini. {ask}"
        ),
        (
            "În urma furtunii, un arbore a căzut {on_street} și blochează o parte "
            "din trotuar. {ask}"
        ),
        (
            "Locul de joacă {of_street} are un leagăn rupt și un tobogan cu "
            "margini ascuțite. Copiii se pot răni. {ask}"
        ),
        (
            "Băncile din scuarul {of_street} sunt rupte, iar coșurile de gunoi "
            "lipsesc {when}. {ask}"
        ),
        (
            "Crengile copacilor {of_street} acoperă stâlpul de iluminat și "
            "indicatorul de la intersecție. Este nevoie de toaletare. {ask}"
        ),
    ],
    "cleaning": [
        (
            "Pubelele {of_street} nr. {number} nu au mai fost ridicate {when}. "
            "Miroase foarte urât și au apărut șobolani. {ask}"
        ),
        (
            "Coșurile de gunoi stradale {of_street} sunt pline și gunoiul se "
            "împrăștie pe trotuar. {ask}"
        ),
        (
            "Nu s-a mai măturat {on_street} {when}: frunze, nisip și gunoaie se "
            "adună lângă nr. {number}. {ask}"
        ),
        (
            "Containerul de reciclare {of_street} este rupt și capacul lipsește, "
            "iar gunoiul este împrăștiat în jur. {ask}"
        ),
        (
            "Un câine mort pe marginea drumului {on_street}, lângă nr. {number}, "
            "de ieri. Vă rog să fie ridicat."
        ),
    ],
    "signs": [
        (
            "Semaforul pentru pietoni {of_street}, în dreptul numărului {number}, "
            "nu mai funcționează {when}. {ask}"
        ),
        (
            "Indicatorul „Cedează trecerea” {of_street} a fost doborât și stă pe "
            "trotuar. {ask}"
        ),
        (
            "Marcajul trecerii de pietoni {of_street}, lângă nr. {number}, s-a "
            "șters aproape complet. Seara șoferii nu o mai observă. {ask}"
        ),
        (
            "Propun montarea unor limitatoare de viteză {on_street}: mașinile "
            "circulă foarte repede prin fața școlii. {ask}"
        ),
        (
            "Indicatorul de sens unic {of_street} este acoperit complet de crengi "
            "și nu se vede. {ask}"
        ),
    ],
    "lighting": [
        (
            "Stâlpul de iluminat {of_street} nr. {number} nu funcționează {when}. "
            "Zona este complet întunecată {time}. {ask}"
        ),
        "Mai multe lămpi {on_street} pâlpâie toată noaptea. {ask}",
        "Iluminatul public {on_street} rămâne aprins și ziua. {ask}",
        (
            "Stâlpul de iluminat din fața blocului {of_street} nr. {number} are "
            "cutia de conexiuni deschisă, cu firele la vedere. Este periculos "
            "pentru copii. {ask}"
        ),
        (
            "Trecerea de pietoni {of_street} nu este iluminată, iar seara pietonii "
            "nu se văd. {ask}"
        ),
    ],
    "parking": [
        (
            "Automatul de plată din parcarea {of_street} nu funcționează {when} "
            "și nu primește nici plata cu cardul. {ask}"
        ),
        (
            "Locurile de parcare de reședință {of_street} nr. {number} nu au "
            "marcaj și nici numere, așa că sunt ocupate de oricine. {ask}"
        ),
        "Bariera parkingului {of_street} rămâne ridicată tot timpul. {ask}",
        (
            "Un autoturism fără plăcuțe de înmatriculare ocupă {when} un loc de "
            "reședință {on_street}, lângă nr. {number}. Pare abandonat. {ask}"
        ),
        (
            "Marcajele locurilor de parcare {of_street} s-au șters; mașinile se "
            "parchează haotic și blochează aleea. {ask}"
        ),
    ],
    "dumping": [
        (
            "Cineva a aruncat moloz și saci cu resturi de la renovare {on_street}, "
            "lângă nr. {number}. {ask}"
        ),
        (
            "Mobilier vechi, o canapea și un dulap, abandonat lângă pubelele "
            "{of_street} {when}. {ask}"
        ),
        (
            "Anvelope, saci cu gunoi și un frigider au fost aruncate pe terenul "
            "viran {of_street}. {ask}"
        ),
        (
            "Saci de gunoi lăsați pe spațiul verde {of_street} nr. {number}, lângă "
            "locul de joacă. {ask}"
        ),
        (
            "Crengi tăiate și resturi vegetale depozitate pe trotuar {on_street} "
            "{when}. {ask}"
        ),
    ],
    "construction": [
        (
            "Șantierul {of_street} nr. {number} ocupă tot trotuarul și nu are "
            "panou de identificare a lucrării. {ask}"
        ),
        (
            "Se lucrează la o clădire {on_street}, lângă nr. {number}, și duminica "
            "și după ora 22, cu utilaje zgomotoase. {ask}"
        ),
        (
            "Camioanele care ies de pe șantierul {of_street} lasă noroi pe toată "
            "strada. {ask}"
        ),
        (
            "Se construiește o anexă pe spațiul verde din spatele blocului "
            "{of_street} nr. {number}. Nu pare să existe autorizație. {ask}"
        ),
        (
            "Schela de pe clădirea {of_street} nr. {number} nu are plasă de "
            "protecție și cad bucăți de tencuială pe trotuar. {ask}"
        ),
    ],
    "transit": [
        ("Afișajul electronic din stația {of_street} nu funcționează {when}. {ask}"),
        (
            "Adăpostul stației de autobuz {of_street} are un geam spart și "
            "cioburile sunt pe jos. {ask}"
        ),
        (
            "Autobuzul liniei {line} întârzie foarte des dimineața în stația "
            "{of_street}; ieri am așteptat peste 25 de minute. {ask}"
        ),
        (
            "Validatoarele din troleibuzul liniei {line} care trece prin stația "
            "{of_street} nu funcționează {when}. {ask}"
        ),
        (
            "Stația {of_street} nu are bancă și nici copertină, iar {time} "
            "așteaptă acolo mulți vârstnici. {ask}"
        ),
    ],
    "water": [
        (
            "Apă curge pe carosabil {on_street}, în dreptul numărului {number}, "
            "{when}. Pare o țeavă spartă. {ask}"
        ),
        (
            "Capacul căminului de canalizare {of_street} nr. {number} se mișcă și "
            "face zgomot puternic la fiecare mașină. {ask}"
        ),
        (
            "Gura de scurgere {of_street} este înfundată; la fiecare ploaie se "
            "formează o baltă mare în stația de autobuz. {ask}"
        ),
        ("Miros puternic de canalizare {on_street}, lângă nr. {number}, {when}. {ask}"),
        (
            "Lipsește capacul unui cămin de vizitare {on_street}, lângă trecerea "
            "de pietoni. Cineva a pus o creangă ca semn. Este foarte periculos. "
            "{ask}"
        ),
    ],
    "noise": [
        (
            "Terasa barului {of_street} nr. {number} are muzică foarte tare până "
            "după miezul nopții, aproape în fiecare seară. {ask}"
        ),
        "Alarma unui magazin {of_street} sună fără oprire {time}. {ask}",
        (
            "Petreceri zgomotoase în localul {of_street} nr. {number} în fiecare "
            "weekend, până la ora 4 dimineața. {ask}"
        ),
        ("Un generator de pe șantierul {of_street} funcționează toată noaptea. {ask}"),
    ],
    "social": [
        (
            "O doamnă în vârstă care locuiește singură {on_street} nu a mai fost "
            "văzută ieșind din casă {when}. Vecinii sunt îngrijorați. {ask}"
        ),
        (
            "Un domn vârstnic cu probleme de mobilitate {of_street} are nevoie de "
            "ajutor la cumpărături și la medicamente. {ask}"
        ),
        (
            "Copii mici lăsați nesupravegheați în fața blocului {of_street} nr. "
            "{number} până seara târziu. {ask}"
        ),
    ],
    "taxes": [
        ("Plata online a taxelor locale dă eroare la plata cu cardul {when}. {ask}"),
        (
            "Nu am primit decizia de impunere pentru apartamentul {of_street} nr. "
            "{number}, deși am depus declarația în termen. {ask}"
        ),
        (
            "Taxa de salubrizare pentru locuința {of_street} apare de două ori în "
            "contul online. {ask}"
        ),
    ],
    "homeless": [
        (
            "O persoană fără adăpost doarme {when} pe o bancă {on_street}, lângă "
            "nr. {number}. Nopțile sunt reci și pare bolnavă. {ask}"
        ),
        (
            "Mai mulți copii cer bani la semaforul {of_street}, în timpul orelor "
            "de școală. {ask}"
        ),
        (
            "Un bărbat doarme în scara blocului {of_street} nr. {number} și pare "
            "să aibă nevoie de ajutor medical. {ask}"
        ),
    ],
    "other": [
        (
            "Câini fără stăpân în zona {of_street}, mai ales {time}. Au speriat "
            "copiii care merg la școală. {ask}"
        ),
        (
            "Graffiti pe fațada clădirii {of_street} nr. {number}, inclusiv pe o "
            "placă comemorativă. {ask}"
        ),
        "Cișmeaua cu apă potabilă {of_street} nu funcționează {when}. {ask}",
        (
            "Toaleta publică {of_street} este închisă {when}, deși programul "
            "afișat spune altceva. {ask}"
        ),
        (
            "Porumbeii s-au înmulțit foarte mult în podul blocului {of_street} "
            "nr. {number} și murdăresc balcoanele. {ask}"
        ),
    ],
}

# Some citizens sign with their phone number: the clerk removes it before
# publishing, as the moderation rules ask.
SIGN_OFFS = [
    "\n\nCu mulțumiri,\n{name}\nTel. {phone}",
    "\n\n{name}, telefon {phone}",
    "\n\nPentru detalii mă puteți suna la {phone}. {name}",
]
SIGN_OFF_PHONES = ["0740 000 111", "0752 000 222", "0723 000 333", "0764 000 444"]


@dataclass(frozen=True)
class RejectedCase:
    category: str
    description: str
    reason: str


REJECTED = [
    RejectedCase(
        "other",
        "Vreau să știu de ce nu mi s-a răspuns la cererea depusă acum două luni "
        "la ghișeu.",
        "Mesajul nu semnalează o problemă publică. Pentru stadiul unei cereri "
        "vă rugăm să sunați la Registratură, la 0264 596 030.",
    ),
    RejectedCase(
        "other",
        "Felicitări pentru noul parc, arată foarte bine! Așa să continuați.",
        "Mesajul nu conține o sesizare. Vă mulțumim pentru apreciere.",
    ),
    RejectedCase(
        "roads",
        "E dezastru pe străzi în tot orașul, nimic nu funcționează.",
        "Sesizarea nu indică o problemă și un loc anume. Vă rugăm să trimiteți "
        "câte o sesizare pentru fiecare problemă, cu locul exact.",
    ),
    RejectedCase(
        "illegal_parking",
        "Vecinul de la etajul 2 își parchează mașina în curtea blocului, pe "
        "locul pe care îl folosesc eu.",
        "Curtea interioară aparține asociației de proprietari. Neînțelegerile "
        "dintre vecini se rezolvă prin asociație sau în instanță.",
    ),
    RejectedCase(
        "taxes",
        "Nu sunt de acord cu impozitul pe care l-am primit pentru apartament, "
        "este prea mare.",
        "Contestația la decizia de impunere se depune la Direcția Impozite și "
        "Taxe Locale, în termenul scris în decizie; sesizarea nu este calea "
        "legală pentru ea.",
    ),
    RejectedCase(
        "noise",
        "Vecinul de deasupra trântește ușile și mută mobila toată ziua.",
        "Neînțelegerile dintre vecinii unui bloc nu țin de Primărie. Pentru "
        "tulburarea liniștii în desfășurare sunați la 112.",
    ),
    RejectedCase(
        "green",
        "Vreau să tai copacul din fața casei mele, cum pot face asta?",
        "Aceasta este o cerere de aviz, nu o sesizare: avizul pentru tăierea "
        "unui arbore se cere cu formularul Direcției Ecologie Urbană.",
    ),
    RejectedCase(
        "other",
        "test test test, să văd dacă merge aplicația",
        "Mesaj de probă, fără o problemă semnalată.",
    ),
    RejectedCase(
        "construction",
        "Am auzit că se construiește ceva ilegal pe undeva prin cartier.",
        "Sesizarea nu arată locul lucrării. Vă rugăm să o trimiteți din nou "
        "cu adresa exactă sau cu punctul pe hartă.",
    ),
    RejectedCase(
        "lighting",
        "De ce nu se pun și la noi luminițe de Crăciun ca în centru?",
        "Decorațiunile de sărbători nu fac obiectul unei sesizări; propunerile "
        "se pot trimite la Relații cu publicul.",
    ),
]

# What the staff say when a report is fixed, per category.
FIXED = {
    "illegal_parking": [
        (
            "Poliția Locală a verificat zona și a aplicat sancțiuni. Zona va fi "
            "verificată periodic."
        ),
        (
            "Vehiculul parcat neregulamentar a fost ridicat, iar conducătorul auto "
            "a fost sancționat."
        ),
        (
            "Au fost montați stâlpișori de protecție pe trotuar, iar zona este "
            "inclusă în traseul patrulelor."
        ),
    ],
    "roads": [
        (
            "Groapa a fost plombată cu mixtură asfaltică de echipa de întreținere "
            "a drumurilor."
        ),
        "Dalele desprinse au fost refăcute pe toată porțiunea semnalată.",
        "Bordura a fost înlocuită și rampa pentru pietoni a fost refăcută.",
    ],
    "green": [
        "Spațiul verde a fost cosit, iar resturile vegetale au fost ridicate.",
        "Arborele uscat a fost tăiat și îndepărtat de echipa de intervenție.",
        "Echipamentele deteriorate ale locului de joacă au fost reparate.",
    ],
    "cleaning": [
        "Operatorul de salubrizare a ridicat deșeurile și a igienizat zona.",
        "Strada a fost măturată mecanizat și manual.",
        "Containerul a fost înlocuit.",
    ],
    "signs": [
        "Semaforul a fost reparat și funcționează normal.",
        "Indicatorul a fost remontat.",
        "Marcajul trecerii de pietoni a fost refăcut cu vopsea reflectorizantă.",
    ],
    "lighting": [
        "Lampa a fost înlocuită cu una LED, iar stâlpul funcționează.",
        ("Defectul de alimentare a fost remediat; iluminatul funcționează normal."),
        "Cutia de conexiuni a fost închisă și securizată.",
    ],
    "parking": [
        "Automatul de plată a fost reparat.",
        "Marcajele locurilor de parcare au fost refăcute.",
        "Vehiculul abandonat a fost ridicat de pe locul de parcare.",
    ],
    "dumping": [
        (
            "Deșeurile au fost ridicate și zona a fost igienizată; Poliția Locală "
            "caută persoanele care le-au abandonat."
        ),
        "Molozul a fost ridicat de operatorul de salubrizare.",
    ],
    "construction": [
        (
            "Poliția Locală a verificat șantierul: constructorul a fost sancționat "
            "și a eliberat trotuarul."
        ),
        ("Lucrarea a fost oprită până la prezentarea autorizației de construire."),
    ],
    "transit": [
        "Compania de Transport Public a reparat afișajul din stație.",
        "Geamul adăpostului a fost înlocuit, iar cioburile au fost strânse.",
        "Programul liniei a fost ajustat la orele de vârf.",
    ],
    "water": [
        "Compania de Apă Someș a remediat avaria și a refăcut carosabilul.",
        "Capacul căminului a fost înlocuit.",
        "Gura de scurgere a fost desfundată.",
    ],
    "noise": [
        ("Poliția Locală a făcut controale și a sancționat administratorul localului."),
        "Proprietarul a fost sancționat și a remediat alarma.",
    ],
    "social": [
        ("Asistenții sociali au vizitat persoana și i-au oferit sprijinul necesar."),
        "Persoana a fost inclusă în programul de îngrijire la domiciliu.",
    ],
    "taxes": [
        "Eroarea a fost corectată, iar contul de plată a fost actualizat.",
        "Decizia de impunere a fost trimisă din nou.",
    ],
    "homeless": [
        (
            "Echipa mobilă de intervenție socială a oferit persoanei loc într-un "
            "adăpost de noapte."
        ),
        "Persoana a fost preluată de serviciul de urgență socială.",
    ],
    "other": [
        "Problema a fost remediată de serviciul de specialitate.",
        "Echipa Primăriei a intervenit și a curățat fațada.",
    ],
}

OTHER_OUTCOMES = {
    "partly_fixed": [
        (
            "Am remediat provizoriu o parte din problemă; lucrarea definitivă este "
            "inclusă în programul de reparații."
        ),
        (
            "Am intervenit pe o parte din zona semnalată; restul necesită o "
            "achiziție, aflată în curs."
        ),
    ],
    "planned": [
        (
            "Lucrarea a fost inclusă în programul de intervenții și va fi "
            "executată până la data indicată."
        ),
        (
            "Intervenția necesită o achiziție publică; lucrarea este programată "
            "până la data indicată."
        ),
    ],
    "transferred": [
        (
            "Problema ține de un operator de utilități. Am transmis sesizarea "
            "operatorului, care vă va răspunde direct."
        ),
        (
            "Am transmis sesizarea operatorului de salubrizare, responsabil prin "
            "contract, și urmărim rezolvarea ei."
        ),
    ],
    "not_competent": [
        (
            "Terenul semnalat este proprietate privată; am informat proprietarul, "
            "care răspunde de întreținerea lui."
        ),
        (
            "Drumul este în administrarea Consiliului Județean Cluj, căruia i-am "
            "transmis sesizarea."
        ),
        (
            "Zona aparține infrastructurii feroviare; am transmis sesizarea "
            "administratorului acesteia."
        ),
    ],
    "refused": [
        "La verificarea din teren nu s-a constatat problema semnalată.",
        (
            "Măsura propusă nu respectă normele tehnice în vigoare; motivele sunt "
            "explicate în documentul atașat."
        ),
        "Studiul de trafic nu justifică măsura propusă în acest loc.",
    ],
}

NOTES = [
    "Am verificat pe teren: problema există, conform descrierii.",
    "Am transmis echipei de intervenție, cu prioritate normală.",
    "Așteptăm materialele de la furnizor.",
    "Fotografiile de la fața locului sunt în dosarul lucrării.",
    "Intră în programul de lucrări de săptămâna viitoare.",
    "Am vorbit cu administratorul asociației de proprietari.",
]
