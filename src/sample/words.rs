//! The words the example is made of: administrations, places, initiative names per area
//! and target groups (fictitious, but shaped like a Swedish region's).

pub(super) const ADMINISTRATIONS: [&str; 12] = [
    "Närsjukvården",
    "Sjukhusen",
    "Psykiatrin",
    "Ambulans, diagnostik och hälsa",
    "Regionservice",
    "Regionkontoret",
    "Primärvården Norra",
    "Primärvården Södra",
    "Tandvården",
    "Habilitering och hälsa",
    "Kultur och skola",
    "Länssjukhuset",
];

pub(super) const PLACES: [&str; 24] = [
    "Ekbacken",
    "Strandgården",
    "Björkliden",
    "Sjöbo",
    "Åsen",
    "Västra hamnen",
    "Lindesberg",
    "Österport",
    "Kvarnby",
    "Hagalund",
    "Norrmalm",
    "Solhem",
    "Furulund",
    "Granbacka",
    "Havsvik",
    "Kungsgärdet",
    "Lövsta",
    "Mariedal",
    "Norrby",
    "Prästgården",
    "Rosendal",
    "Stenhagen",
    "Tallbacken",
    "Ängsbo",
];

pub(super) const NAMES: [&[&str]; 6] = [
    &[
        "Digitala vårdmöten",
        "Chattbaserad rådgivning",
        "Egenmonitorering i hemmet",
        "Analysplattform för befolkningsdata",
        "Digital triagering",
    ],
    &[
        "Fast läkarkontakt för multisjuka",
        "Listning med fast läkare",
        "Fast vårdkontakt på särskilt boende",
        "Kontinuitetsteam",
    ],
    &[
        "Mobilt närvårdsteam",
        "Hemsjukvård i samverkan",
        "Uppföljning efter utskrivning",
        "Mobila läkarbesök på SÄBO",
    ],
    &[
        "Utbildning i personcentrerad vård",
        "Kompetenslyft för distriktssköterskor",
        "Handledning i motiverande samtal",
        "ST-utbildning i allmänmedicin",
    ],
    &[
        "Dialog med patientföreningar",
        "Brukarråd i psykiatrin",
        "Patientkontrakt",
        "Samskapande med anhörigföreningar",
    ],
    &[
        "Samordnad individuell plan",
        "Hälsosamtal för 40-åringar",
        "Förebyggande hembesök",
        "Ledningsstöd för omställningen",
    ],
];

pub(super) const TARGET_GROUPS: [&str; 6] = [
    "Äldre med stora vårdbehov",
    "Listade invånare",
    "Personer med psykisk ohälsa",
    "Medarbetare",
    "Barn och unga",
    "Invånare i glesbygd",
];
