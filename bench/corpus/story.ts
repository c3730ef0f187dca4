/**
 * One synthetic news story: the text of an item in the style of regional security coverage
 * (wire copy and translated pieces), with the parts a real scraped body carries that are not
 * the article's own text: inline `[TN: …]` translator notes, page chrome and reader comments.
 * The story records the actor and place ids its own text names, so articles can be built from
 * it without the tagger and a tagger's output can be checked against it.
 */
import type { Rng } from '../lib/prng.ts';
import {
  ACTORS, CHROME, COMMENTERS, COMMENTS, COUNTRIES, MEDIA, PLACES, TARGETS, TN_NOTES, WEAPONS, WEEKDAYS,
  type VocabActor, type VocabPlace,
} from './vocabulary.ts';
import { weighted } from './weighted.ts';

export interface Story {
  /** 0-based position in the corpus: the guid and link are built from it. */
  readonly index: number;
  readonly language: 'en' | 'ar';
  readonly title: string;
  /** The first paragraph, used as the feed summary. */
  readonly lead: string;
  /** Body paragraphs after the lead (plain text, no notes). */
  readonly paragraphs: readonly string[];
  /** Translator notes, each inserted after a paragraph. */
  readonly notes: readonly string[];
  readonly chrome: readonly string[];
  readonly comments: readonly { author: string; text: string }[];
  readonly author: string;
  readonly categories: readonly string[];
  /** Publication instant, ISO 8601 UTC. */
  readonly publishedAt: string;
  /** Actor ids named in the article's own text (title, lead, body), in order of first mention. */
  readonly actorIds: readonly string[];
  /** Region ids (places and countries) named in the article's own text. */
  readonly regionIds: readonly string[];
  readonly topicIds: readonly string[];
}

/** Where stories are placed in time: `span` days ending at `end` (a fixed instant, not now). */
export interface TimeWindow {
  readonly end: Date;
  readonly spanDays: number;
}

/** Default window: the 90 days before 2026-01-15, so every run dates its corpus identically. */
export const DEFAULT_WINDOW: TimeWindow = { end: new Date('2026-01-15T00:00:00Z'), spanDays: 90 };

const ACTOR_DRAW = weighted(ACTORS, (a) => a.weight);
const PLACE_DRAW = weighted(PLACES, (p) => p.weight);
const AUTHORS = ['Staff writer', 'Ahmed Rasheed', 'Sarah Haddad', 'Translated by the editorial desk', 'Mohammed Al-Amin', 'Reuters', 'AFP'];
const TOPICS = ['drone-strike', 'rocket-attack', 'maritime-security', 'diplomacy', 'counter-terrorism', 'politics', 'sanctions'];

/** Forces that intercept and strike back in coverage (the "X says it intercepted …" headlines). */
const DEFENDERS: ReadonlySet<string> = new Set([
  'centcom', 'us-department-of-defense', 'israel-defense-forces', 'iraqi-security-forces', 'saudi-led-coalition',
  'lebanese-armed-forces', 'syrian-arab-army', 'peshmerga', 'syrian-democratic-forces', 'operation-inherent-resolve',
]);

const nameOf = (rng: Rng, actor: VocabActor): string => (rng.chance(0.6) ? actor.names[0] ?? actor.id : rng.pick(actor.names));
const placeName = (rng: Rng, place: VocabPlace): string => {
  const name = rng.pick(place.names);
  return place.article && !name.startsWith('the ') ? `the ${name}` : name;
};
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Builds story number `index`; the same rng state always yields the same story. */
export function generateStory(rng: Rng, index: number, window: TimeWindow = DEFAULT_WINDOW): Story {
  const actor = ACTOR_DRAW.draw(rng);
  let other = ACTOR_DRAW.draw(rng);
  if (other.id === actor.id) other = ACTORS[(ACTORS.indexOf(actor) + 1) % ACTORS.length] as VocabActor;
  const place = PLACE_DRAW.draw(rng);
  const place2 = PLACE_DRAW.draw(rng);
  const country = COUNTRIES.find((c) => c.code === place.country) ?? (COUNTRIES[0] as (typeof COUNTRIES)[number]);
  const weapon = rng.pick(WEAPONS);
  const target = rng.pick(TARGETS);
  const media = rng.pick(MEDIA);
  const day = rng.pick(WEEKDAYS);
  const ms = window.end.getTime() - Math.floor(rng.next() * window.spanDays * 86_400_000);
  const publishedAt = new Date(ms - (ms % 1000)).toISOString();
  const arabic = rng.chance(0.1) && actor.script !== undefined && place.script !== undefined;
  const topic = weapon.includes('drone') ? 'drone-strike' : weapon.includes('missile') || weapon.includes('rocket') ? 'rocket-attack' : rng.pick(TOPICS);

  const actorIds = [actor.id, other.id];
  const regionIds = [place.id, country.code];
  let title: string;
  let lead: string;
  const paragraphs: string[] = [];
  if (arabic) {
    title = `${actor.script} تعلن استهداف ${place.script} بطائرة مسيرة`;
    lead = `أعلنت ${actor.script} يوم ${day} مسؤوليتها عن هجوم استهدف ${target} في ${place.script}، بحسب بيان نشرته ${media}.`;
    paragraphs.push(
      `وقال مصدر أمني في ${country.script} إن الهجوم لم يسفر عن إصابات، فيما لم يصدر تعليق فوري من ${other.script ?? nameOf(rng, other)}.`,
      `وتأتي هذه التطورات بعد سلسلة هجمات مماثلة خلال الأسابيع الماضية قرب ${place2.script ?? placeName(rng, place2)}.`,
    );
    regionIds.push(place2.id);
  } else {
    const a = nameOf(rng, actor);
    const o = nameOf(rng, other);
    const p = placeName(rng, place);
    const title1 = rng.pick([
      `${a} claims ${weapon} attack on ${target} near ${p}`,
      `${capitalise(country.demonym)} officials say ${weapon} struck ${target} in ${p}`,
      `${a} vows response after strike in ${p}`,
      DEFENDERS.has(other.id) ? `${capitalise(o)} says it intercepted ${weapon} launched by ${a}` : `${capitalise(a)} fighters clash with ${o} near ${p}`,
    ]);
    title = rng.chance(0.1) ? `UPDATE ${rng.int(1, 3)}-${title1}` : title1;
    lead = `${capitalise(a)} said on ${day} it had targeted ${target} near ${p} with a ${weapon}, according to a statement carried by ${media}.`;
    const speaker = actor.speakers.length > 0 ? rng.pick(actor.speakers) : null;
    if (speaker) paragraphs.push(`“Our operations will continue as long as the aggression continues,” ${speaker}, a spokesman for ${a}, said in a televised address.`);
    paragraphs.push(
      `${capitalise(o)} did not immediately comment. A ${country.demonym} security official, speaking on condition of anonymity because he was not authorised to brief the media, said the ${weapon} caused ${rng.pick(['no casualties', 'minor damage', 'a fire that was brought under control', 'two injuries'])}.`,
      `The attack is the ${rng.pick(['third', 'fifth', 'latest', 'second'])} such incident near ${placeName(rng, place2)} this ${rng.pick(['week', 'month'])}, amid rising tension across ${country.name} and the wider region.`,
    );
    if (rng.chance(0.5)) paragraphs.push(`Analysts said the escalation followed strikes attributed to ${nameOf(rng, other)} in ${capitalise(placeName(rng, place))} earlier in the ${rng.pick(['week', 'month'])}, and warned of a wider confrontation.`);
    regionIds.push(place2.id);
  }
  const notes = rng.chance(0.4) ? rng.sample(TN_NOTES, rng.int(1, 2)) : [];
  const chrome = rng.chance(0.5) ? rng.sample(CHROME, rng.int(1, 3)) : [];
  const comments = rng.chance(0.3)
    ? Array.from({ length: rng.int(1, 3) }, () => ({ author: rng.pick(COMMENTERS), text: rng.pick(COMMENTS) }))
    : [];
  return {
    index,
    language: arabic ? 'ar' : 'en',
    title,
    lead,
    paragraphs,
    notes,
    chrome,
    comments,
    author: rng.pick(AUTHORS),
    categories: [rng.pick(['Iraq', 'Yemen', 'Syria', 'Lebanon', 'Security', 'Middle East', 'News'])],
    publishedAt,
    actorIds: [...new Set(actorIds)],
    regionIds: [...new Set(regionIds)],
    topicIds: [topic],
  };
}

/** The story's own text (title, lead, body) as a tagger sees it after cleaning. */
export function storyPlainText(story: Story): { title: string; summary: string; content: string } {
  return { title: story.title, summary: story.lead, content: [story.lead, ...story.paragraphs].join('\n\n') };
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The body as a scraped page gives it: paragraphs with translator notes inline, page chrome
 * between blocks, and a reader-comments section at the end.
 */
export function storyHtml(story: Story): string {
  const parts: string[] = [];
  const body = [story.lead, ...story.paragraphs];
  body.forEach((p, i) => {
    const note = story.notes[i];
    parts.push(`<p>${escapeHtml(p)}${note ? ` ${escapeHtml(note)}` : ''}</p>`);
  });
  for (const c of story.chrome) parts.push(`<div class="share">${escapeHtml(c)}</div>`);
  if (story.comments.length > 0) {
    parts.push('<div class="comments"><h3>Comments</h3>');
    for (const c of story.comments) parts.push(`<div class="comment"><b>${escapeHtml(c.author)}</b>: ${escapeHtml(c.text)}</div>`);
    parts.push('</div>');
  }
  return parts.join('\n');
}
