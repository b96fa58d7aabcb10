"""Write personal_data.jsonl: report texts with personal data and traps.

The texts are assembled from complaints written the way citizens write them
(on a phone, often without diacritics, sometimes with cedilla letters),
contact details planted in the forms people use, and the numbers a report
is full of that are not personal data. Spans are known by construction,
not found by the detectors. Run it again and the same corpus comes out:

    python bench/corpus/make_personal_data.py
"""

import json
import random
import re
from pathlib import Path

OUT = Path(__file__).with_name("personal_data.jsonl")
HANDWRITTEN = Path(__file__).with_name("handwritten.txt")
MARKED = re.compile(r"\[\[(\w+)\|(.+?)\]\]")
SEED = 20260404
COUNT = 340

# Complaints, several with look-alikes of personal data in them.
COMPLAINTS = [
    (
        "Groapă mare pe strada Horea nr. 12, în dreptul intrării în bloc. Am "
        "rupt o jantă ieri, 12.03.2024, pe la ora 21:40."
    ),
    (
        "Pe Calea Florești 77-79 e o groapă de vreo 2 metri, se umple de apă "
        "când plouă si masinile împroașcă pietonii."
    ),
    (
        "Asfaltul s-a surpat pe Bd. 21 Decembrie 1989 nr. 104, lângă stația de "
        "autobuz. E periculos noaptea."
    ),
    (
        "Trotuarul de pe str. Dorobanților 14-16 e rupt de rădăcinile copacilor, "
        "nu se poate trece cu căruciorul."
    ),
    (
        "gropi multe pe strada Bucegi intre nr 3 si nr 25, nu s-a mai reparat "
        "nimic din 2019"
    ),
    (
        "Capacul de canal de pe Aleea Detunata, bl. M4, e spart si se misca "
        "cand trec masinile peste el. Zgomot toata noaptea."
    ),
    (
        "Masina cu numarul CJ 12 ABC e parcata de 3 saptamani pe trotuar in "
        "fata scolii, pe str. Observatorului 34. Copiii merg pe carosabil."
    ),
    (
        "Parcare ilegala zilnic pe Str. Republicii, de la 8:00 la 17:00, "
        "masinile B 123 XYZ si CJ-99-MRA blocheaza trecerea de pietoni."
    ),
    (
        "Mașini parcate pe spațiul verde din spatele blocului 21/A de pe "
        "strada Mehedinți. Iarba e distrusă complet."
    ),
    (
        "In fiecare seara intre 22:00 si 02:00 e muzica tare de la barul de pe "
        "Piezisa, nr. 6. Am sunat la 112 de 3 ori, degeaba."
    ),
    (
        "Vecinii de la ap. 34, sc. 2, et. 3 fac renovari duminica dimineata de "
        "la ora 7.30. Se poate face ceva?"
    ),
    (
        "Zgomot infernal de la santierul de pe Calea Turzii 178, lucreaza si "
        "noaptea dupa ora 23."
    ),
    (
        "Gunoiul nu a mai fost ridicat de 10 zile de la pubelele din Mănăștur, "
        "str. Primăverii 8. Miroase îngrozitor si sunt sobolani."
    ),
    (
        "Containerele de sticla de la intersectia cu Str. Fabricii sunt pline "
        "de 2 saptamani, lumea lasa sacii pe jos."
    ),
    (
        "S-au aruncat moloz si mobila veche pe terenul viran de langa "
        "Kaufland Marasti. Cineva a facut o groapa de gunoi acolo."
    ),
    (
        "Autobuzul 24B nu mai opreste in statia de la Piata Mihai Viteazu, "
        "trece direct. Azi la 8:15 am asteptat 40 de minute."
    ),
    (
        "Linia 35 are mereu intarzieri dimineata, iar tramvaiul 101 e plin. "
        "Abonamentul costa 80 de lei si nu merita."
    ),
    (
        "Statia de autobuz de pe str. Bucuresti nu are acoperis, geamul e spart "
        "de la 1 martie. Plouă pe oameni."
    ),
    (
        "Iluminatul public nu functioneaza pe Aleea Baisoara nr 2-10 de o luna. "
        "E bezna totala, mi-e frica sa ies seara cu cainele."
    ),
    (
        "Stalpul de iluminat din fata nr. 45 de pe str. Dunării palpaie toata "
        "noaptea, e al 3-lea de pe stanga."
    ),
    (
        "Semaforul de la intersectia Calea Dorobantilor cu Bd. 1 Decembrie 1918 "
        "nu merge din 05.04.2024, ora 6:30. Pericol de accident!"
    ),
    (
        "Copacul din parcul de pe str. Ploiesti e uscat si se apleaca spre "
        "locul de joaca. Trebuie taiat inainte sa cada pe cineva."
    ),
    (
        "Spatiul verde de pe Aleea Padis, in spatele blocului P3, nu a mai fost "
        "cosit de doua luni. Iarba e de 50 cm."
    ),
    (
        "Bancile din Parcul Central sunt rupte, 4 din 6 nu mai au sipci. "
        "Reparatia ar costa poate 500 lei."
    ),
    (
        "Câini fără stăpân, o haită de 7-8, pe strada Oașului la nr. 180. Au "
        "mușcat un copil săptămâna trecută."
    ),
    (
        "Pe str. Teodor Mihali 58-60 trotuarul e ocupat de terasa restaurantului, "
        "trebuie să mergem pe carosabil."
    ),
    (
        "Canalizarea e infundata pe Str. Fagului nr 21, 400001 Cluj-Napoca, apa "
        "iese in strada cand ploua."
    ),
    (
        "Hidrantul din fata blocului de pe str. Meteorului curge de 3 zile, se "
        "pierd sute de litri de apa."
    ),
    (
        "Marcajul trecerii de pietoni de la Scoala Gimnaziala Ion Agarbiceanu s-a "
        "sters complet. Copiii traverseaza la 7:45 in fiecare dimineata."
    ),
    (
        "Pe Calea Manastur la km 3+200 s-a rupt parapetul podului peste "
        "Nadas. Trebuie semnalizat urgent."
    ),
    (
        "Taxa de parcare de 3 lei/ora se plateste si duminica pe Str. Napoca? "
        "Automatul de la nr. 16 nu da rest."
    ),
    (
        "Masini abandonate in parcarea de resedinta de pe Aleea Bizusa, "
        "numar CJ 07 XYZ, fara roti de un an."
    ),
    (
        "Graffiti pe fatada scolii de pe str. Decebal 23, cuvinte urate scrise "
        "cu spray rosu. Se vad de la statia autobuzului 9."
    ),
    (
        "Am platit 150 lei amenda pentru ca nu exista indicator de parcare "
        "interzisa pe Str. Horea 40. Indicatorul a fost pus abia pe 15.02.2024."
    ),
    (
        "pe strada sighisoarei e un sant deschis de la lucrarile la retea, "
        "nesemnalizat, cineva o sa cada in el"
    ),
    (
        "Groapa imensa la iesirea din sensul giratoriu de la Vivo, pe Calea "
        "Florești spre Cluj-Napoca. Am vazut 2 masini cu pana in aceeasi zi."
    ),
    (
        "Apa calda lipseste de 3 zile in cartierul Gheorgheni, Str. Brates 10-14. "
        "Nimeni nu raspunde la dispecerat."
    ),
    (
        "sesizarea mea nr. 45678 din 02.03.2024 nu a primit raspuns in 30 de "
        "zile. Groapa e tot acolo pe str. Fantanele 28."
    ),
    (
        "Pe Str. Constanta nr 7 se fac gratare in curtea blocului in fiecare "
        "weekend, fum in toate apartamentele de la etajele 1-4."
    ),
    (
        "Trotinetele electrice sunt lasate aruncate pe trotuar in fata Iulius "
        "Mall, langa statia liniei 30."
    ),
    (
        "Sunt gropi pe toata strada Frunzisului, de la nr. 2 la nr. 98. Am "
        "masurat una: 12 cm adancime, 80 cm latime."
    ),
    (
        "Ramasite de la taierea copacilor au ramas pe trotuar pe Str. Campului "
        "nr. 240 de o saptamana, din 28.09."
    ),
    (
        "Mașina de gunoi trece la 5:30 dimineața și face un zgomot de nedescris, "
        "mai ales cu sticlele. Se poate muta după ora 7?"
    ),
    (
        "Vizavi de Sala Polivalenta, pe Aleea Stadionului, e un cablu electric "
        "cazut pe jos. Pericol!!"
    ),
    (
        "Cineva a furat capacele de la 2 guri de canal pe str. Paris 52-54. "
        "Noaptea nu se vad."
    ),
    (
        "La Piața Unirii nr. 1 s-a desprins o bucată de tencuială de pe clădire, "
        "cam 1 mp, a căzut lângă o bancă."
    ),
    (
        "Ma plang de mirosul de la statia de epurare, se simte in tot cartierul "
        "Someseni, mai ales seara intre 19 si 23."
    ),
    (
        "Lift defect la blocul din Str. Zorilor 14, dar nu stiu daca e treaba "
        "primariei. Avem 10 etaje si batrani in bloc."
    ),
    (
        "Locul de joaca din parcul Iris are toboganul rupt, un copil de 5 ani "
        "s-a taiat la mana."
    ),
    (
        "Scurgere de apa pe Str. Horea 2, vis-a-vis de Gara, apa tasneste din "
        "asfalt. Am anuntat Compania de Apa Somes dar nu au venit."
    ),
    (
        "Am observat ca pe str. Motilor 89 se depoziteaza materiale de "
        "constructie pe trotuar fara autorizatie, de vreo 2 luni."
    ),
    (
        "Bicicliștii merg pe trotuar pe Bd. Eroilor și aproape m-au lovit de 2 "
        "ori. Poate o pistă separată?"
    ),
    (
        "Pe strada Ciresilor, la intersectia cu Str. Viilor, lipseste "
        "indicatorul STOP de cateva zile."
    ),
    (
        "Dupa ploaia de ieri, pe Str. Fabricii de Zahar 35 apa a ajuns la 30 cm. "
        "Gurile de scurgere sunt infundate cu frunze."
    ),
    (
        "Niste tineri fac galagie in fiecare noapte in parcul de langa "
        "Str. Grigorescu 12, sticle sparte peste tot dimineata."
    ),
    (
        "Cerem montarea unui limitator de viteza pe Str. Donath, masinile trec "
        "cu 80 km/h pe langa scoala."
    ),
    (
        "Zapada nu a fost curatata pe Aleea Slanic, iar bătrânii nu pot ieși din "
        "bloc. Strada e în pantă."
    ),
    (
        "Copacul de la nr. 5 a cazut peste masina mea (CJ 55 TOM) in timpul "
        "furtunii de pe 17.07.2023. Cine raspunde?"
    ),
    (
        "Miros puternic de canal pe Str. Avram Iancu, langa Catedrala, de "
        "aproximativ 5 zile."
    ),
    (
        "Va rog sa verificati firma care face curatenie pe str. Brancusi, "
        "nu au mai maturat de 3 saptamani."
    ),
    (
        "Porumbeii au invadat podul blocului de pe Str. Mestecenilor 3, "
        "mizerie peste tot. Se poate face dezinsectie?"
    ),
    (
        "Parcometrul nr. 0264 din Piata Muzeului nu functioneaza, am pierdut "
        "2 bilete de 4 lei."
    ),
    (
        "Lucrarile la reteaua de gaz de pe Str. Iugoslaviei s-au terminat din "
        "10.10.2023 dar asfaltul nu a fost refacut."
    ),
    (
        "Doua masini parcate pe locurile pentru persoane cu dizabilitati la "
        "Profi de pe Str. Dambovitei, ora 18:20, numere CJ 14 PXR si MS 22 ABA."
    ),
    "ieri seara pe la 11 un grup de tineri a spart geamul statiei de pe Bucuresti 70",
    (
        "Autobuzele liniei 43P circula cu usile deschise, am vazut de 2 ori "
        "saptamana asta, pe 03/04 si 05/04."
    ),
    "Curtea scolii nr. 12 este plina de seringi si sticle. Parintii sunt ingrijorati.",
    (
        "Sunt 4 stalpi de iluminat stinsi intre nr. 112 si nr. 140 pe Calea "
        "Baciului. Intuneric total."
    ),
    (
        "Am achitat taxa de 250,50 lei pentru autorizatie pe 01.02.2024 si nu "
        "am primit nimic pana acum."
    ),
    (
        "Zgomot de la aparatele de aer conditionat ale magazinului de pe "
        "Str. Memorandumului 28, zi si noapte, 65 dB masurat."
    ),
    (
        "Pietonii traverseaza printre masini la Piata Marasti pentru ca "
        "semaforul are 90 de secunde de rosu."
    ),
    "Gard cazut pe trotuar la santierul de pe Str. Oasului 95, de 10 zile.",
    (
        "Groapa din fata Liceului Gheorghe Sincai s-a facut din nou, a 3-a oara "
        "anul asta. Reparatia de 12.000 lei nu a tinut nici o luna."
    ),
    (
        "Bunaziua, pe Strada Cetatii nr 6 o groapa mare in care a intrat o "
        "bicicleta. Va rog sa interveniti."
    ),
    (
        "buna ziua. pe aleea stadionului sunt cioburi de la meciul de aseara, "
        "copiii merg pe acolo la scoala"
    ),
]

GREETINGS = [
    "", "", "", "Bună ziua,\n", "Buna ziua, ", "Bună ziua!\n", "Salut, ",
    "Stimate domnule primar,\n", "Doamnelor si domnilor,\n", "Buna seara, ",
]  # fmt: skip

FIRST_NAMES = [
    "Ion", "Maria", "Andrei", "Elena", "Mihai", "Ioana", "Alexandru",
    "Ana", "Vasile", "Cristina", "Gheorghe", "Raluca", "Ștefan", "Iulia",
    "Radu", "Oana", "Florin", "Monica", "Bogdan", "Adriana", "Călin",
    "Simona", "Tudor", "Diana", "Horațiu", "Lavinia", "Sorin", "Carmen",
    "Éva", "Gábor", "István", "Katalin", "Zoltán", "Erzsébet", "Levente",
]  # fmt: skip
LAST_NAMES = [
    "Popescu", "Pop", "Moldovan", "Mureșan", "Rus", "Sabău", "Cozma",
    "Ionescu", "Oltean", "Todea", "Crișan", "Bârsan", "Man", "Câmpean",
    "Vlaicu", "Pârvu", "Suciu", "Pop-Ionescu", "Dragomir", "Lazăr",
    "Kovács", "Szabó", "Farkas", "Nagy", "Tóth", "Bálint", "Ardelean",
    "Costea", "Munteanu", "Borza", "Tămaș", "Pintea", "Marian",
]  # fmt: skip

BANKS = ["BTRL", "RNCB", "BRDE", "INGB", "RZBR", "CECE", "BACX", "TREZ", "UGBI"]
MAIL_DOMAINS = [
    "gmail.com", "yahoo.com", "yahoo.ro", "outlook.com", "hotmail.com",
    "icloud.com", "gmail.com", "yahoo.com", "email.ro", "firma-mea.ro",
]  # fmt: skip


def cnp(rng: random.Random, *, valid: bool = True) -> str:
    sex = rng.choice("1256")
    year = rng.randint(40, 99) if sex in "12" else rng.randint(0, 6)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    county = rng.choice([*range(1, 47), 51, 52])
    digits = f"{sex}{year:02d}{month:02d}{day:02d}{county:02d}{rng.randint(1, 999):03d}"
    total = sum(int(d) * int(k) for d, k in zip(digits, "279146358279", strict=True))
    check = total % 11
    check = 1 if check == 10 else check
    if not valid:
        check = (check + rng.randint(1, 9)) % 10
    return digits + str(check)


def iban(rng: random.Random, country: str = "RO", *, valid: bool = True) -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if country == "RO":
        account = rng.choice(BANKS) + "".join(rng.choice(alphabet) for _ in range(16))
    elif country == "DE":
        account = "".join(rng.choice("0123456789") for _ in range(18))
    elif country == "HU":
        account = "".join(rng.choice("0123456789") for _ in range(24))
    else:
        account = (
            rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            + "".join(rng.choice("0123456789") for _ in range(10))
            + "".join(rng.choice("0123456789") for _ in range(12))
        )
    numeric = "".join(str(int(c, 36)) for c in account + country + "00")
    check = 98 - int(numeric) % 97
    if not valid:
        check = (check + rng.randint(1, 40)) % 97 + 2
    return f"{country}{check:02d}{account}"


def grouped(compact: str, rng: random.Random) -> str:
    style = rng.random()
    if style < 0.45:
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    if style < 0.9:
        return compact
    return compact.lower() if style < 0.95 else compact[:4] + " " + compact[4:]


def phone(rng: random.Random) -> str:
    """A Romanian number in one of the ways people write it."""
    kind = rng.random()
    if kind < 0.72:
        n = f"07{rng.choice('2345678')}{rng.randint(0, 9)}{rng.randint(0, 999999):06d}"
    elif kind < 0.9:
        n = f"02{rng.choice('3456')}{rng.randint(0, 9)}{rng.randint(100000, 999999)}"
        n = "0264" + n[4:] if rng.random() < 0.6 else n
    else:
        n = (
            f"021{rng.randint(1000000, 9999999)}"
            if rng.random() < 0.6
            else (f"031{rng.randint(1000000, 9999999)}")
        )
    if n.startswith(("021", "031")):
        forms = [
            n,
            f"{n[:3]} {n[3:6]} {n[6:8]} {n[8:]}",
            f"{n[:3]}.{n[3:6]}.{n[6:8]}.{n[8:]}",
            f"({n[:3]}) {n[3:6]} {n[6:]}",
            f"+40 {n[1:3]} {n[3:6]} {n[6:]}",
            f"{n[:3]}/{n[3:]}",
        ]
        return rng.choice(forms)
    if n.startswith("02"):
        forms = [
            n,
            f"{n[:4]} {n[4:7]} {n[7:]}",
            f"{n[:4]}/{n[4:]}",
            f"{n[:4]}-{n[4:7]}-{n[7:]}",
            f"({n[:4]}) {n[4:7]} {n[7:]}",
            f"({n[:4]}) {n[4:]}",
            f"{n[:4]}.{n[4:7]}.{n[7:]}",
            f"+40 {n[1:4]} {n[4:]}",
            f"0040 {n[1:4]} {n[4:7]} {n[7:]}",
        ]
        return rng.choice(forms)
    forms = [
        n, n, n,
        f"{n[:4]} {n[4:7]} {n[7:]}",
        f"{n[:4]} {n[4:7]} {n[7:]}",
        f"{n[:4]} {n[4:]}",
        f"{n[:4]}.{n[4:7]}.{n[7:]}",
        f"{n[:4]}-{n[4:7]}-{n[7:]}",
        f"{n[:4]} {n[4:6]} {n[6:8]} {n[8:]}",
        f"{n[:3]} {n[3:6]} {n[6:]}",
        f"{n[:4]}/{n[4:]}",
        f"+40{n[1:]}",
        f"+40 {n[1:4]} {n[4:7]} {n[7:]}",
        f"+40-{n[1:4]}-{n[4:7]}-{n[7:]}",
        f"+40 (0) {n[1:4]} {n[4:7]} {n[7:]}",
        f"+4 {n[:4]} {n[4:7]} {n[7:]}",
        f"+4{n}",
        f"0040{n[1:]}",
        f"0040 {n[1:4]} {n[4:]}",
        f"({n[:4]}) {n[4:7]} {n[7:]}",
    ]  # fmt: skip
    return rng.choice(forms)


def email(rng: random.Random) -> str:
    first = strip(rng.choice(FIRST_NAMES)).lower()
    last = strip(rng.choice(LAST_NAMES)).lower().replace("-", "")
    local = rng.choice(
        [
            f"{first}.{last}",
            f"{last}.{first}",
            f"{first}{last}{rng.randint(1, 99)}",
            f"{first}_{last}",
            f"{first[0]}{last}",
            f"{last}{rng.randint(1960, 2005)}",
        ]
    )
    domain = rng.choice(MAIL_DOMAINS)
    style = rng.random()
    if style < 0.8:
        return f"{local}@{domain}"
    if style < 0.86:
        return f"{local} at {domain}"
    if style < 0.93:
        return f"{local}[at]{domain}"
    return f"{local} (at) {domain}"


def name(rng: random.Random, *, last_first: bool = False) -> str:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    if rng.random() < 0.15:
        first = f"{first} {rng.choice(FIRST_NAMES)}"
    full = f"{last} {first}" if last_first else f"{first} {last}"
    if rng.random() < 0.08:
        full = full.upper()
    return full


_STRIP = str.maketrans("ăâîșțşţĂÂÎȘȚŞŢ", "aaiststAAISTST")


def strip(text: str) -> str:
    return text.translate(_STRIP)


def cedilla(text: str) -> str:
    return text.translate(str.maketrans("șțȘȚ", "şţŞŢ"))


# Sentences that carry one personal datum ({}), and the kind.
CONTACT = {
    "phone": [
        "Sunați-mă la {} dacă aveți nevoie de detalii.",
        "Tel: {}",
        "tel. {}",
        "Numarul meu de telefon: {}",
        "Ma puteti contacta la {}, dupa ora 17.",
        "Pentru detalii: {} (dupa-amiaza).",
        "Va rog sa ma sunati pe {} cand veniti, sa va arat locul.",
        "Contact {}",
        "daca e nevoie sunati la {} oricand",
        "Tel. fix {}, mobil si pe whatsapp.",
        "ma gasiti la nr {}",
        "Telefon: {}.",
    ],
    "email": [
        "Răspunsul vă rog pe e-mail la {}.",
        "email: {}",
        "Imi puteti scrie pe {}",
        "Trimiteti raspunsul la adresa {} va rog.",
        "Pozele vi le pot trimite de pe {}, aici nu merge incarcarea.",
        "Mail {}",
    ],
    "cnp": [
        "CNP {}",
        "CNP: {}",
        "(CNP {})",
        "cnp-ul meu este {}, daca trebuie pentru inregistrare.",
        "Date de identificare: CNP {}.",
        "Va dau si CNP-ul: {}",
    ],
    "iban": [
        "Va rog sa-mi returnati cei 150 lei in contul {}.",
        "IBAN: {}",
        "Despăgubirea pentru jantă vă rog în contul {} (Banca Transilvania).",
        "contul meu este {}",
        "Suma platita gresit, 80 lei, sa fie returnata in {} va rog.",
        "cont IBAN {} deschis la BCR",
    ],
}

# Sign-offs with a name ({}) where the name is personal data.
SIGNED = [
    "\nCu stimă,\n{}",
    "\nCu stima,\n{}",
    "\nCu respect, {}",
    "\nMulțumesc,\n{}",
    "\nMultumesc!\n{}",
    "\nVa multumesc,\n{}",
    "\nMulțumesc anticipat,\n{}",
    "\nSemnat: {}",
    "\n{}",
    "\n\n{}",
    "\nO zi bună,\n{}",
    "\nToate cele bune,\n{}",
    "\nCu stimă, {}",
    "\nSalutari, {}",
    "\n— {}",
]
# Openings that name the citizen first: "Subsemnatul Pop Ion, ...".
SUBSEMNATUL = [
    "Subsemnatul {}, domiciliat în Cluj-Napoca, vă aduc la cunoștință următoarele: ",
    "Subsemnata {}, locatara a blocului, va sesizez ca ",
    "Subsemnatul {} din Cluj-Napoca, ",
    "Subsemnatul, {}, proprietar al apartamentului 12, ",
    "Subsemnata {} va rog sa luati masuri: ",
    "Subsemnatul {}, cu domiciliul in Cluj-Napoca, str. Horea nr. 5, ",
    "Numele meu este {} si locuiesc pe strada de mai jos. ",
]
# Endings that look like a signature but name no one.
UNSIGNED = [
    "\nCu stimă, un cetățean nervos",
    "\nMulțumesc!",
    "\nCu respect,\nlocatarii blocului",
    "\nVă mulțumesc anticipat.",
    "\nCluj-Napoca",
    "\nCluj-Napoca, 12.03.2024",
    "\nStr. Horea nr. 3",
    "\nPiața Mihai Viteazu",
    "\nStrada Avram Iancu",
    "\nPrimăria Cluj-Napoca",
    "\nPoliția Locală",
    "\nAsociația de proprietari",
    "\nVa rog urgent!",
    "\nCu stima",
    "\nMultumesc frumos",
    "\nZona Iulius Mall",
    "\nCartierul Mănăștur",
    "\nO zi buna!",
    "\nMultumesc, o zi buna",
]
# Numbers that must not be flagged, added to some texts.
TRAPS = [
    "Sesizare repetata, prima am facut-o pe 14.02.2024 la 10:30.",
    "Codul de bare de pe amenda: {bad_cnp}.",
    "Nr. contract 1234567890123.",
    "Am platit 1.250 lei reparatia pe 02.03.2024.",
    "Cod postal 400001.",
    "Am sunat la 0800 800 900 (TelVerde) dar nu raspunde nimeni.",
    "Contul din factura {bad_iban} nu pare corect.",
    "Intre orele 07.30 - 09.30 e cel mai rau.",
    "Numar de inregistrare 12345/2024.",
    "Autobuzul 25 si 24B trec pe acolo, linia 35 la fel.",
    "Masina CJ 10 ZZZ a stat acolo toata ziua.",
    "Intervalul 2023-2024 a fost la fel.",
    "Bl. 7, sc. 2, ap. 31, et. 4.",
    "A costat 2.450,00 lei in total.",
    "Ora 07:45, 12/03/2024.",
    "Km 12+300 pe DN1.",
]


class Builder:
    def __init__(self) -> None:
        self.text = ""
        self.spans: list[dict[str, object]] = []

    def add(self, piece: str) -> None:
        self.text += piece

    def add_with(self, template: str, kind: str, value: str) -> None:
        before, after = template.split("{}")
        self.text += before
        self.spans.append(
            {"kind": kind, "start": len(self.text), "end": len(self.text) + len(value)}
        )
        self.text += value + after


def make_text(rng: random.Random) -> dict[str, object]:
    b = Builder()
    plain = rng.random() < 0.55
    b.add(rng.choice(GREETINGS))

    kinds_wanted = []
    roll = rng.random()
    if roll < 0.4:
        pass
    elif roll < 0.85:
        kinds_wanted = [rng.choice(["phone"] * 4 + ["email"] * 2 + ["cnp", "iban"])]
    else:
        kinds_wanted = rng.sample(["phone", "email", "cnp", "iban"], 2)
    with_name = rng.random() < 0.4

    if with_name and rng.random() < 0.3:
        b.add_with(rng.choice(SUBSEMNATUL), "name", name(rng, last_first=True))
        with_name = False
    complaints = rng.sample(COMPLAINTS, 1 if rng.random() < 0.75 else 2)
    b.add(" ".join(complaints))
    if rng.random() < 0.3:
        trap = rng.choice(TRAPS).format(
            bad_cnp=cnp(rng, valid=False),
            bad_iban=grouped(iban(rng, valid=False), rng),
        )
        b.add(" " + trap)
    for kind in kinds_wanted:
        if not b.text.endswith("\n"):
            ended = b.text.rstrip().endswith((".", "!", "?"))
            b.add(rng.choice([" ", "\n", " "] if ended else [". ", "\n", ", "]))
        value = {
            "phone": lambda: phone(rng),
            "email": lambda: email(rng),
            "cnp": lambda: cnp(rng),
            "iban": lambda: grouped(
                iban(rng, rng.choice(["RO"] * 6 + ["DE", "HU", "IT"])), rng
            ),
        }[kind]()
        b.add_with(rng.choice(CONTACT[kind]), kind, value)
    if with_name:
        b.add_with(rng.choice(SIGNED), "name", name(rng))
    elif rng.random() < 0.3:
        b.add(rng.choice(UNSIGNED))

    text = b.text
    if plain:
        text = strip(text)
    elif rng.random() < 0.12:
        text = cedilla(text)
    if rng.random() < 0.1:
        text = text.lower() if not b.spans else text
    return {"text": text, "spans": b.spans}


def handwritten() -> list[dict[str, object]]:
    """The hand-written texts, their [[kind|text]] marks turned into spans."""
    lines = HANDWRITTEN.read_text(encoding="utf-8").splitlines()
    paragraphs = " ".join(ln if ln else "\0" for ln in lines if not ln.startswith("#"))
    items: list[dict[str, object]] = []
    for paragraph in paragraphs.split("\0"):
        marked = paragraph.strip().replace("\\n", "\n")
        if not marked:
            continue
        text, position = "", 0
        spans: list[dict[str, object]] = []
        for match in MARKED.finditer(marked):
            text += marked[position : match.start()]
            kind, value = match.groups()
            spans.append(
                {"kind": kind, "start": len(text), "end": len(text) + len(value)}
            )
            text += value
            position = match.end()
        items.append({"text": text + marked[position:], "spans": spans})
    return items


def main() -> None:
    rng = random.Random(SEED)
    with OUT.open("w", encoding="utf-8") as out:
        for item in handwritten():
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
        for _ in range(COUNT):
            out.write(json.dumps(make_text(rng), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
