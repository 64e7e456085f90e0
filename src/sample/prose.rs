//! What the example's initiatives say they did and achieved, the way the regions'
//! reports read: what was done, for whom, with which partner, what changed, with a
//! number where there is one. Made of parts per area, drawn by the seeded generator, so
//! the same seed gives the same words and no two neighbouring initiatives read alike.

use super::Rng;
use crate::model::Status;

/// The example's fictional municipalities.
const MUNICIPALITIES: [&str; 8] = [
    "Ekby kommun",
    "Sjöstads kommun",
    "Bergviks kommun",
    "Ljungå kommun",
    "Norrhamns kommun",
    "Västeråkers kommun",
    "Lundbacka kommun",
    "Östervalls kommun",
];

/// Partners other than municipalities.
const PARTNERS: [&str; 6] = [
    "patientföreningen Hjärt- och lungsjukas förening",
    "anhörigföreningen i länet",
    "PRO:s lokalavdelning",
    "brukarrådet för psykiatrin",
    "länets demensförening",
    "ungdomsmottagningarnas referensgrupp",
];

/// One kind of initiative: its name, what was done (a clause after "Förvaltningen …",
/// `{place}` its place) and what changed (`{n}` a count, `{p}` a share).
pub(super) struct Kind {
    pub name: &'static str,
    done: &'static str,
    achieved: &'static str,
}

const fn kind(name: &'static str, done: &'static str, achieved: &'static str) -> Kind {
    Kind {
        name,
        done,
        achieved,
    }
}

/// The kinds of initiative per area, in the configured order of the default areas.
pub(super) const KINDS: [&[Kind]; 6] = [
    &[
        kind(
            "Digitala vårdmöten",
            "införde videobesök för uppföljning av patienter med diabetes och hjärtsvikt vid {place}",
            "{n} patienter har haft minst ett videobesök, och {p} % av dem svarar i uppföljningen att de sparade en resa.",
        ),
        kind(
            "Chattbaserad rådgivning",
            "öppnade en chatt i 1177 där sjuksköterskor vid {place} svarar på frågor dagtid",
            "Chatten besvarade {n} frågor under året; {p} % av dem kunde lösas utan fysiskt besök.",
        ),
        kind(
            "Egenmonitorering i hemmet",
            "gav patienter vid {place} utrustning för att mäta blodtryck, puls och vikt hemma och skicka värdena till vårdcentralen",
            "{n} patienter mäter nu hemma, och andelen med blodtryck inom målvärdet steg till {p} %.",
        ),
        kind(
            "Analysplattform för befolkningsdata",
            "byggde en analysplattform som följer vårdbehovet i upptagningsområdet kring {place} månad för månad",
            "Plattformen används av {n} chefer och planerare, och {p} % av vårdcentralerna följer nu sina egna siffror varje månad.",
        ),
        kind(
            "Digital triagering",
            "införde digital triagering i telefonrådgivningen vid {place}, så att patienten beskriver sina besvär innan samtalet",
            "Väntetiden till första kontakt kortades från 9 till 4 dagar, och {p} % av de {n} ärendena i veckan bedöms nu inom en kvart.",
        ),
    ],
    &[
        kind(
            "Fast läkarkontakt för multisjuka",
            "ordnade fast läkarkontakt för patienter med flera kroniska sjukdomar vid {place}",
            "{n} patienter med flera kroniska sjukdomar har fått en namngiven läkare, och {p} % av deras besök var hos den läkaren.",
        ),
        kind(
            "Listning med fast läkare",
            "gav alla listade över 75 år vid {place} en namngiven läkare och en fast sjuksköterska",
            "{n} patienter har fått en namngiven läkare; andelen listade med fast läkarkontakt steg till {p} %.",
        ),
        kind(
            "Fast vårdkontakt på särskilt boende",
            "införde fast vårdkontakt för de boende på kommunens särskilda boenden kring {place}",
            "Alla {n} boende har en fast läkare, och antalet akuta sjukhusbesök från boendena minskade med {p} %.",
        ),
        kind(
            "Kontinuitetsteam",
            "bildade kontinuitetsteam om läkare, sjuksköterska och undersköterska vid {place}",
            "Patienterna träffade samma läkare vid {p} % av besöken, mot 41 % året innan; teamen har {n} patienter var.",
        ),
    ],
    &[
        kind(
            "Mobilt närvårdsteam",
            "startade ett mobilt närvårdsteam som gör hembesök hos sköra äldre kring {place}",
            "Teamet gjorde {n} hembesök, och {p} % av patienterna kunde stanna hemma i stället för att läggas in.",
        ),
        kind(
            "Hemsjukvård i samverkan",
            "samordnade hemsjukvård och primärvård för patienter med svår hjärtsvikt vid {place}",
            "{n} patienter med svår hjärtsvikt har en gemensam plan, och deras akuta inläggningar minskade med {p} %.",
        ),
        kind(
            "Uppföljning efter utskrivning",
            "införde uppföljningssamtal inom två dygn efter utskrivning från sjukhus för patienter från {place}",
            "{n} patienter fick ett samtal efter utskrivningen; återinskrivningarna inom 30 dagar minskade med {p} %.",
        ),
        kind(
            "Mobila läkarbesök på SÄBO",
            "ordnade läkarbesök på särskilda boenden kring {place} varannan vecka i stället för vid behov",
            "Läkarbesöken på boendena ersatte {n} akuta besök på sjukhus under året, {p} % färre än året innan.",
        ),
    ],
    &[
        kind(
            "Utbildning i personcentrerad vård",
            "utbildade personalen vid {place} i personcentrerad vård och gemensam vårdplanering",
            "{n} medarbetare har gått utbildningen, och {p} % av dem säger att de arbetar annorlunda efteråt.",
        ),
        kind(
            "Kompetenslyft för distriktssköterskor",
            "gav distriktssköterskorna vid {place} ett kompetenslyft i geriatrik och läkemedelsgenomgångar",
            "{n} distriktssköterskor har gått kompetenslyftet, och läkemedelsgenomgångarna blev {p} % fler.",
        ),
        kind(
            "Handledning i motiverande samtal",
            "höll utbildning och handledning i motiverande samtal för personalen vid {place}",
            "Utbildningen nådde {n} av personalen, och patienternas betyg på bemötandet steg till {p} %.",
        ),
        kind(
            "ST-utbildning i allmänmedicin",
            "gav ST-läkarna vid {place} handledning i allmänmedicin med inriktning på multisjuka",
            "{n} ST-läkare har fått handledning; {p} % av dem vill arbeta kvar i primärvården.",
        ),
    ],
    &[
        kind(
            "Dialog med patientföreningar",
            "bjöd in patient- och brukarföreningar till ett samverkansråd för vården vid {place}",
            "Rådet har träffats {n} gånger och lämnat förslag som nu finns i verksamhetsplanen; {p} % av deltagarna vill fortsätta.",
        ),
        kind(
            "Brukarråd i psykiatrin",
            "startade ett brukarråd i psykiatrin vid {place} där patienter och anhöriga är med och prioriterar",
            "Brukarrådet har lämnat {n} förslag, och {p} % av dem är genomförda eller planerade.",
        ),
        kind(
            "Patientkontrakt",
            "tog fram patientkontrakt tillsammans med patienterna vid {place}, med vad vården och patienten åtar sig",
            "{n} patienter har ett patientkontrakt, och {p} % av dem säger att de är mer delaktiga i sin vård.",
        ),
        kind(
            "Samskapande med anhörigföreningar",
            "lät anhöriga vara med och utforma informationen om vården vid {place}",
            "Informationen har skrivits om tillsammans med {n} anhöriga, och {p} % av de tillfrågade förstår den nu.",
        ),
    ],
    &[
        kind(
            "Samordnad individuell plan",
            "införde samordnad individuell plan för barn och unga med insatser från både region och kommun kring {place}",
            "{n} barn och unga har en samordnad plan, och {p} % av familjerna säger att de slipper upprepa sin berättelse.",
        ),
        kind(
            "Hälsosamtal för 40-åringar",
            "erbjöd hälsosamtal till alla 40- och 50-åringar i området kring {place}",
            "{n} personer har haft ett hälsosamtal, och {p} % av dem har fått en plan för ändrade levnadsvanor.",
        ),
        kind(
            "Förebyggande hembesök",
            "gjorde förebyggande hembesök hos alla som fyllt 80 år kring {place}",
            "{n} hembesök har gjorts, och {p} % av de besökta har fått ett förebyggande stöd som de saknade.",
        ),
        kind(
            "Ledningsstöd för omställningen",
            "gav ledningen för omställningen vid {place} stöd i att mäta och följa upp arbetet",
            "{n} chefer har fått stöd, och {p} % av verksamheterna följer nu upp omställningen med egna mått.",
        ),
    ],
];

/// Whom the initiatives of each area are for, in the order of [`KINDS`].
pub(super) const GROUPS: [&[&str]; 6] = [
    &[
        "Patienter med kroniska sjukdomar",
        "Invånare i glesbygd",
        "Barn och unga",
    ],
    &[
        "Äldre med stora vårdbehov",
        "Listade invånare",
        "Boende på särskilt boende",
    ],
    &[
        "Äldre med stora vårdbehov",
        "Patienter med hjärtsvikt",
        "Boende på särskilt boende",
    ],
    &["Medarbetare", "Medarbetare i primärvården"],
    &["Patienter och anhöriga", "Personer med psykisk ohälsa"],
    &[
        "Barn och unga",
        "Invånare i glesbygd",
        "Äldre med stora vårdbehov",
    ],
];

/// Why an initiative was cancelled.
const CANCELLED: [&str; 4] = [
    "Insatsen avbröts efter sommaren eftersom vårdcentralen inte kunde rekrytera de sjuksköterskor som behövdes. Erfarenheterna tas med i nästa års planering.",
    "Insatsen avbröts när kommunen ändrade sin organisation för hemtjänsten; den planeras om tillsammans med kommunen.",
    "Insatsen avbröts eftersom leverantören av det tekniska stödet inte kunde leverera i tid.",
    "Insatsen avbröts efter en första utvärdering som visade att målgruppen hellre ville ha fysiska besök.",
];

fn fill(template: &str, place: &str, rng: &mut Rng) -> String {
    let n = 20 + rng.below(480);
    let p = 15 + rng.below(70);
    template
        .replace("{place}", place)
        .replace("{n}", &n.to_string())
        .replace("{p}", &p.to_string())
}

/// The initiative's description: what was done, for whom, with which partner.
pub(super) fn description(
    kind: &Kind,
    place: &str,
    group: &str,
    cooperates: bool,
    rng: &mut Rng,
) -> String {
    let done = fill(kind.done, place, rng);
    let partner = if cooperates {
        format!("tillsammans med {}", rng.pick(&MUNICIPALITIES))
    } else {
        format!("med synpunkter från {}", rng.pick(&PARTNERS))
    };
    format!(
        "Förvaltningen {done}. Insatsen riktar sig till {} och genomförs {partner}.",
        group.to_lowercase()
    )
}

/// The initiative's result, when it has one: what changed for a completed initiative,
/// the first figures for some ongoing ones, why a cancelled one stopped; and none for a
/// few completed ones, so that the example shows `Resultat ej redovisat`.
pub(super) fn result(kind: &Kind, place: &str, status: Status, rng: &mut Rng) -> Option<String> {
    let draw = rng.below(10);
    let achieved = kind.achieved;
    match status {
        Status::Completed if draw == 0 => None,
        Status::Completed => Some(fill(achieved, place, rng)),
        Status::Ongoing if draw < 3 => Some(format!("Hittills: {}", fill(achieved, place, rng))),
        Status::Cancelled => Some((*rng.pick(&CANCELLED)).to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_are_seeded_and_varied() {
        let texts = |seed| {
            let mut rng = Rng::new(seed);
            (0..30)
                .map(|k| {
                    let kinds = KINDS[k % 6];
                    description(
                        &kinds[k % kinds.len()],
                        "Björkliden",
                        "Barn och unga",
                        k % 2 == 0,
                        &mut rng,
                    )
                })
                .collect::<Vec<_>>()
        };
        let all = texts(3);
        assert_eq!(all, texts(3));
        let distinct: std::collections::BTreeSet<&String> = all.iter().collect();
        assert!(distinct.len() >= 25, "{distinct:#?}");
        let mut rng = Rng::new(5);
        let results: Vec<Option<String>> = (0..200)
            .map(|_| result(&KINDS[0][0], "Åsen", Status::Completed, &mut rng))
            .collect();
        assert!(results.iter().any(Option::is_none));
        assert!(
            results
                .iter()
                .flatten()
                .any(|r| r.chars().any(|c| c.is_ascii_digit()))
        );
    }
}
