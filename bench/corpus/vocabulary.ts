/**
 * The words the synthetic corpus is made of: actors with the spellings feeds really use for
 * them (transliteration variants, acronyms, Arabic script), places with their countries, and
 * the people who speak for the actors. Ids follow the slugs and region ids of DESIGN.md so that
 * articles built directly (without the tagger) carry ids the catalog knows. Weights make a few
 * actors and places common and most of them rare, as in real coverage, so filters have the
 * selectivity they have in production.
 */

/** An actor as the generator writes it: its id and the names a feed may call it by. */
export interface VocabActor {
  readonly id: string;
  /** Spellings used in English copy; the first is the most common. */
  readonly names: readonly string[];
  /** Arabic or Persian script name, when the group is commonly named so in translated copy. */
  readonly script?: string;
  /** Relative frequency in coverage. */
  readonly weight: number;
  /** Spokespeople and leaders quoted for it. */
  readonly speakers: readonly string[];
}

/** A place as the generator writes it. `id` is a region id; `country` its ISO 3166-1 code. */
export interface VocabPlace {
  readonly id: string;
  readonly country: string;
  readonly names: readonly string[];
  readonly script?: string;
  readonly weight: number;
  /** Whether "in X" reads naturally (a city) or "in the X" (a sea, a province). */
  readonly article?: boolean;
}

export const ACTORS: readonly VocabActor[] = [
  { id: 'kataib-hizbullah', names: ["Kata'ib Hizbullah", 'Kataib Hezbollah', 'Kata’ib Hizballah', 'KH'], script: 'كتائب حزب الله', weight: 9, speakers: ['Abu Ali al-Askari', 'Jaafar al-Husseini'] },
  { id: 'islamic-resistance-in-iraq', names: ['Islamic Resistance in Iraq', 'the Islamic Resistance in Iraq', 'IRI'], script: 'المقاومة الإسلامية في العراق', weight: 8, speakers: [] },
  { id: 'harakat-hezbollah-al-nujaba', names: ['Harakat Hezbollah al-Nujaba', 'al-Nujaba', 'Nujaba Movement'], script: 'حركة النجباء', weight: 5, speakers: ['Akram al-Kaabi', 'Hussein al-Mousawi'] },
  { id: 'kataib-sayyid-al-shuhada', names: ["Kata'ib Sayyid al-Shuhada", 'Kataib Sayyid al-Shuhada', 'KSS'], script: 'كتائب سيد الشهداء', weight: 3, speakers: ['Abu Alaa al-Walai'] },
  { id: 'asaib-ahl-al-haq', names: ["Asa'ib Ahl al-Haq", 'Asaib Ahl al-Haq', 'AAH'], script: 'عصائب أهل الحق', weight: 4, speakers: ['Qais al-Khazali'] },
  { id: 'popular-mobilization-forces', names: ['Popular Mobilization Forces', 'Popular Mobilisation Forces', 'PMF', 'Hashd al-Shaabi'], script: 'الحشد الشعبي', weight: 6, speakers: ['Faleh al-Fayyadh'] },
  { id: 'irgc', names: ['Islamic Revolutionary Guard Corps', 'IRGC', 'Revolutionary Guards'], script: 'سپاه پاسداران انقلاب اسلامی', weight: 8, speakers: ['Ramezan Sharif', 'Hossein Salami'] },
  { id: 'irgc-quds-force', names: ['IRGC Quds Force', 'Quds Force', 'IRGC-QF'], script: 'نیروی قدس', weight: 4, speakers: ['Esmail Qaani'] },
  { id: 'houthis', names: ['Houthis', 'Ansar Allah', 'the Houthi movement', 'Ansarallah'], script: 'أنصار الله', weight: 9, speakers: ['Yahya Saree', 'Mohammed Abdulsalam', 'Abdul-Malik al-Houthi'] },
  { id: 'hezbollah', names: ['Hezbollah', 'Hizbullah', 'Hizballah', 'Hizb Allah'], script: 'حزب الله', weight: 9, speakers: ['Naim Qassem', 'Mohammad Raad'] },
  { id: 'hamas', names: ['Hamas', 'the Islamic Resistance Movement'], script: 'حماس', weight: 6, speakers: ['Osama Hamdan'] },
  { id: 'izz-ad-din-al-qassam-brigades', names: ['Qassam Brigades', 'Izz ad-Din al-Qassam Brigades', 'al-Qassam Brigades'], script: 'كتائب القسام', weight: 3, speakers: ['Abu Obeida'] },
  { id: 'palestinian-islamic-jihad', names: ['Palestinian Islamic Jihad', 'PIJ', 'Islamic Jihad'], script: 'الجهاد الإسلامي', weight: 3, speakers: ['Ziyad al-Nakhalah'] },
  { id: 'islamic-state', names: ['Islamic State', 'ISIS', 'ISIL', 'Daesh', 'IS'], script: 'داعش', weight: 7, speakers: [] },
  { id: 'hayat-tahrir-al-sham', names: ['Hayat Tahrir al-Sham', 'HTS', 'Hay’at Tahrir al-Sham'], script: 'هيئة تحرير الشام', weight: 4, speakers: ['Abu Mohammad al-Jolani', 'Ahmed al-Sharaa'] },
  { id: 'syrian-democratic-forces', names: ['Syrian Democratic Forces', 'SDF'], script: 'قوات سوريا الديمقراطية', weight: 5, speakers: ['Mazloum Abdi', 'Farhad Shami'] },
  { id: 'pkk', names: ['Kurdistan Workers’ Party', 'PKK', "Kurdistan Workers' Party"], weight: 3, speakers: [] },
  { id: 'peshmerga', names: ['Peshmerga', 'Kurdish Peshmerga forces'], script: 'البيشمركة', weight: 3, speakers: [] },
  { id: 'iraqi-security-forces', names: ['Iraqi Security Forces', 'ISF', 'Iraqi forces'], script: 'القوات الأمنية العراقية', weight: 6, speakers: ['Yehia Rasool'] },
  { id: 'centcom', names: ['U.S. Central Command', 'CENTCOM', 'US Central Command'], weight: 8, speakers: ['Gen. Michael Kurilla', 'Capt. Bill Urban'] },
  { id: 'us-department-of-defense', names: ['Pentagon', 'U.S. Department of Defense', 'Department of Defense'], weight: 5, speakers: ['Maj. Gen. Pat Ryder', 'Sabrina Singh'] },
  { id: 'israel-defense-forces', names: ['Israel Defense Forces', 'IDF', 'Israeli military', 'Israeli army'], script: 'جيش الاحتلال', weight: 8, speakers: ['Daniel Hagari', 'Avichay Adraee'] },
  { id: 'unifil', names: ['UNIFIL', 'United Nations Interim Force in Lebanon'], weight: 2, speakers: ['Andrea Tenenti'] },
  { id: 'lebanese-armed-forces', names: ['Lebanese Armed Forces', 'Lebanese army', 'LAF'], script: 'الجيش اللبناني', weight: 3, speakers: [] },
  { id: 'syrian-arab-army', names: ['Syrian Arab Army', 'Syrian army', 'SAA'], script: 'الجيش العربي السوري', weight: 3, speakers: [] },
  { id: 'saudi-led-coalition', names: ['Saudi-led coalition', 'the Arab coalition'], script: 'التحالف العربي', weight: 3, speakers: ['Turki al-Maliki'] },
  { id: 'operation-inherent-resolve', names: ['Combined Joint Task Force – Operation Inherent Resolve', 'CJTF-OIR', 'the international coalition'], weight: 3, speakers: [] },
  { id: 'axis-of-resistance', names: ['Axis of Resistance', 'the axis of resistance'], script: 'محور المقاومة', weight: 3, speakers: [] },
  { id: 'iraqi-prime-minister', names: ['Prime Minister Mohammed Shia al-Sudani', 'al-Sudani', 'Iraqi Prime Minister'], weight: 4, speakers: ['Basim al-Awadi'] },
  { id: 'iran-foreign-ministry', names: ['Iranian Foreign Ministry', 'Iran’s foreign ministry'], weight: 3, speakers: ['Nasser Kanaani', 'Esmaeil Baghaei'] },
];

export const PLACES: readonly VocabPlace[] = [
  { id: 'IQ/baghdad', country: 'IQ', names: ['Baghdad'], script: 'بغداد', weight: 9 },
  { id: 'IQ/erbil', country: 'IQ', names: ['Erbil', 'Arbil', 'Hawler'], script: 'أربيل', weight: 6 },
  { id: 'IQ/jurf-al-sakhr', country: 'IQ', names: ['Jurf al-Sakhr', 'Jurf al-Nasr'], script: 'جرف الصخر', weight: 2 },
  { id: 'IQ/al-qaim', country: 'IQ', names: ['al-Qaim', 'Al Qaim'], script: 'القائم', weight: 3 },
  { id: 'IQ/ain-al-asad', country: 'IQ', names: ['Ain al-Asad air base', 'Ain al-Assad'], script: 'عين الأسد', weight: 4 },
  { id: 'IQ/basra', country: 'IQ', names: ['Basra', 'Basrah'], script: 'البصرة', weight: 3 },
  { id: 'IQ/kirkuk', country: 'IQ', names: ['Kirkuk'], script: 'كركوك', weight: 3 },
  { id: 'IQ/mosul', country: 'IQ', names: ['Mosul'], script: 'الموصل', weight: 3 },
  { id: 'SY/deir-ez-zor', country: 'SY', names: ['Deir ez-Zor', 'Deir al-Zour', 'Deir Ezzor'], script: 'دير الزور', weight: 6 },
  { id: 'SY/damascus', country: 'SY', names: ['Damascus'], script: 'دمشق', weight: 5 },
  { id: 'SY/al-bukamal', country: 'SY', names: ['Al-Bukamal', 'Abu Kamal', 'Albu Kamal'], script: 'البوكمال', weight: 3 },
  { id: 'SY/idlib', country: 'SY', names: ['Idlib'], script: 'إدلب', weight: 3 },
  { id: 'SY/aleppo', country: 'SY', names: ['Aleppo'], script: 'حلب', weight: 3 },
  { id: 'LB/beirut', country: 'LB', names: ['Beirut'], script: 'بيروت', weight: 5 },
  { id: 'LB/dahiyeh', country: 'LB', names: ['Dahiyeh', 'Dahieh', 'Beirut’s southern suburbs'], script: 'الضاحية', weight: 3 },
  { id: 'LB/nabatieh', country: 'LB', names: ['Nabatieh'], script: 'النبطية', weight: 2 },
  { id: 'YE/sanaa', country: 'YE', names: ['Sanaa', 'Sana’a'], script: 'صنعاء', weight: 6 },
  { id: 'YE/hodeidah', country: 'YE', names: ['Hodeidah', 'Hudaydah'], script: 'الحديدة', weight: 5 },
  { id: 'YE/marib', country: 'YE', names: ['Marib', "Ma'rib"], script: 'مأرب', weight: 3 },
  { id: 'RED_SEA', country: 'YE', names: ['Red Sea'], script: 'البحر الأحمر', weight: 6, article: true },
  { id: 'GULF_OF_ADEN', country: 'YE', names: ['Gulf of Aden'], script: 'خليج عدن', weight: 3, article: true },
  { id: 'BAB_EL_MANDEB', country: 'YE', names: ['Bab el-Mandeb', 'Bab al-Mandab Strait'], script: 'باب المندب', weight: 3, article: true },
  { id: 'IR/tehran', country: 'IR', names: ['Tehran'], script: 'تهران', weight: 5 },
  { id: 'IR/isfahan', country: 'IR', names: ['Isfahan', 'Esfahan'], script: 'اصفهان', weight: 2 },
  { id: 'IL/tel-aviv', country: 'IL', names: ['Tel Aviv'], script: 'تل أبيب', weight: 3 },
  { id: 'PS/gaza', country: 'PS', names: ['Gaza', 'the Gaza Strip'], script: 'غزة', weight: 6 },
  { id: 'JO/tower-22', country: 'JO', names: ['Tower 22'], weight: 1 },
  { id: 'SA/riyadh', country: 'SA', names: ['Riyadh'], script: 'الرياض', weight: 2 },
];

/** Countries named by demonym or by name in passing ("Iraqi officials", "in Syria"). */
export const COUNTRIES: readonly { code: string; name: string; demonym: string; script: string }[] = [
  { code: 'IQ', name: 'Iraq', demonym: 'Iraqi', script: 'العراق' },
  { code: 'SY', name: 'Syria', demonym: 'Syrian', script: 'سوريا' },
  { code: 'LB', name: 'Lebanon', demonym: 'Lebanese', script: 'لبنان' },
  { code: 'YE', name: 'Yemen', demonym: 'Yemeni', script: 'اليمن' },
  { code: 'IR', name: 'Iran', demonym: 'Iranian', script: 'إيران' },
  { code: 'IL', name: 'Israel', demonym: 'Israeli', script: 'إسرائيل' },
  { code: 'US', name: 'the United States', demonym: 'American', script: 'الولايات المتحدة' },
  { code: 'JO', name: 'Jordan', demonym: 'Jordanian', script: 'الأردن' },
  { code: 'SA', name: 'Saudi Arabia', demonym: 'Saudi', script: 'السعودية' },
  { code: 'TR', name: 'Turkey', demonym: 'Turkish', script: 'تركيا' },
];

/** Macro-regions of each country (a fallback for the catalog's region tree). */
const MACRO_OF: Readonly<Record<string, readonly string[]>> = {
  IQ: ['MIDDLE_EAST', 'GULF'],
  SY: ['MIDDLE_EAST', 'LEVANT'],
  LB: ['MIDDLE_EAST', 'LEVANT'],
  JO: ['MIDDLE_EAST', 'LEVANT'],
  IL: ['MIDDLE_EAST', 'LEVANT'],
  PS: ['MIDDLE_EAST', 'LEVANT'],
  YE: ['MIDDLE_EAST'],
  SA: ['MIDDLE_EAST', 'GULF'],
  IR: ['MIDDLE_EAST', 'GULF'],
  TR: ['MIDDLE_EAST'],
};

/** Parents of the generator's place ids, for a region-ancestry fallback when no catalog is loaded. */
export const PLACE_PARENTS: Readonly<Record<string, readonly string[]>> = Object.fromEntries([
  ...PLACES.map((p) => [p.id, [p.id, p.country, ...(MACRO_OF[p.country] ?? [])]] as const),
  ...COUNTRIES.map((c) => [c.code, [c.code, ...(MACRO_OF[c.code] ?? [])]] as const),
]);


export const WEAPONS: readonly string[] = [
  'drone', 'one-way attack drone', 'rocket', 'ballistic missile', 'anti-ship cruise missile',
  'Katyusha rocket', 'explosive-laden drone', 'uncrewed surface vessel', 'mortar', 'roadside bomb',
];

export const TARGETS: readonly string[] = [
  'a base hosting U.S. forces', 'a commercial tanker', 'a Marshall Islands-flagged bulk carrier',
  'a convoy carrying logistical supplies', 'an oil field', 'a checkpoint', 'a weapons depot',
  'the airport', 'a military outpost', 'a patrol vessel', 'a gas facility', 'a supply route',
];

export const MEDIA: readonly string[] = [
  'Al-Masirah TV', 'Tasnim News Agency', 'Sabereen News', 'Al-Manar', 'Shafaq News', 'Rudaw',
  'the Iraqi News Agency', 'Fars News Agency', 'Al-Mayadeen', 'Telegram channels affiliated with the group',
];

export const WEEKDAYS: readonly string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Translator notes, the kind that must never make an entity appear. */
export const TN_NOTES: readonly string[] = [
  '[TN: The Arabic word used is “muqawama”, resistance, the group’s term for itself.]',
  '[TN: Literally “the Zionist entity”; the outlet does not name Israel.]',
  '[TN: “Martyr” is the outlet’s term for fighters killed in action.]',
  '[TN: The original gives the date in the Hijri calendar.]',
  '[TN: Hashd al-Shaabi is the Arabic name of the Popular Mobilization Forces.]',
  '[TN: The statement uses the honorific “Sayyid” for the group’s leader.]',
];

/** Page chrome pasted into scraped bodies. */
export const CHROME: readonly string[] = [
  'Do you like this article?', 'Share on Facebook', 'Share on X', 'Captcha', 'Subscribe to our newsletter',
  'Read more:', 'Click here to follow our channel on Telegram', 'All rights reserved ©',
];

/** Reader comments (which often name actors that the article does not). */
export const COMMENTS: readonly string[] = [
  'The Houthis will never stop until the Americans leave the region.',
  'Where is the Iraqi government in all this? Sudani must act.',
  'Hezbollah is only defending Lebanon, read history.',
  'This is all planned by the IRGC in Tehran.',
  'God protect Basra and its people.',
  'Fake news, the Pentagon always lies about casualties.',
];

export const COMMENTERS: readonly string[] = ['Abu Hussein', 'Zainab', 'Karim_77', 'Muhammad al-Basri', 'Layla', 'observer'];
