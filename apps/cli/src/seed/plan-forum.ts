import type { GovernorOffice } from '#libs/reference-data';
import type { Prng } from './prng.js';
import type { ForumMemberPlan, MeetingPlan, OrgPlan, SeedPlan } from './plan.types.js';

export interface ForumInput {
  office: GovernorOffice;
  current: number;
  years: number[];
  owners: OrgPlan[];
  municipalities: OrgPlan[];
  localUniversities: string[];
  byOrg: Map<string, OrgPlan>;
}

/** R11: an office's forum, covering all its counties: members by category (one replaced), two meetings a year. */
export function planForum(frng: Prng, input: ForumInput): SeedPlan['forums'][number] {
  const { office, current, years, owners, municipalities, localUniversities, byOrg } = input;
  const code = office.code;
  const forumId = [code.toLowerCase(), ...[...office.countyNumbers].sort()].join('-');
  const joined = `${current - 1}-09-01`;
  const members: ForumMemberPlan[] = [];
  let mk = 0;
  const member = (m: Omit<ForumMemberPlan, 'key' | 'joinedOn'> & { joinedOn?: string }) =>
    members.push({ key: `M${++mk}`, joinedOn: joined, ...m });
  for (const o of frng.sample(municipalities, Math.min(3, municipalities.length)))
    member({ orgNumber: o.orgNumber, name: o.name, category: 'school_owner_public' });
  const county = owners.find((o) => o.kind === 'county_municipality');
  if (county) member({ orgNumber: county.orgNumber, name: county.name, category: 'school_owner_public' });
  const skipPrivate = frng.chance(0.1);
  const privateOwner = owners.find((o) => o.kind === 'private_owner');
  if (privateOwner && !skipPrivate)
    member({ orgNumber: privateOwner.orgNumber, name: privateOwner.name, category: 'school_owner_private' });
  for (const u of localUniversities.slice(0, 3)) member({ orgNumber: u, name: byOrg.get(u)!.name, category: 'university' });
  member({ name: `KS ${office.name.replace('Statsforvalteren i ', '')}`, category: 'ks' });
  const union = members.length + 1;
  member({ name: `Utdanningsforbundet ${office.name.replace('Statsforvalteren i ', '')}`, category: 'teacher_union' });
  member({ name: 'Skolenes landsforbund', category: 'teacher_union' });
  // R11: a member leaves and the organisation sends someone new (a new membership from that date).
  const leftOn = `${current}-01-15`;
  members[union - 1].leftOn = leftOn;
  member({
    name: `Utdanningsforbundet ${office.name.replace('Statsforvalteren i ', '')} (ny representant)`,
    category: 'teacher_union',
    joinedOn: leftOn,
  });
  const isMemberOn = (m: ForumMemberPlan, date: string) => m.joinedOn <= date && (!m.leftOn || date < m.leftOn);
  const meetings: Array<MeetingPlan & { year: number }> = [];
  for (const year of years) {
    for (const [i, date] of [`${year}-02-20`, `${year}-03-18`].entries()) {
      const eligible = members.filter((m) => isMemberOn(m, date));
      const absent = new Set(frng.sample(eligible, frng.int(0, 2)).map((m) => m.key));
      meetings.push({
        key: `${year}:${i + 1}`,
        year,
        date,
        agenda:
          i === 0
            ? [`Gjennomgang av behovsmeldinger ${year}`, 'Status for pågående tiltak']
            : [`Innstilling for ${year}`, 'Fordeling av midler', 'Eventuelt'],
        minutesSummary:
          i === 0
            ? 'Sekretariatet la fram oversikten over behovsmeldingene. Forumet drøftet kriterier for prioritering.'
            : 'Forumet behandlet innstillingen og fordelingen av midler.',
        present: eligible.filter((m) => !absent.has(m.key)).map((m) => m.key),
      });
    }
  }
  return {
    office: code,
    forumId,
    name: `Samarbeidsforum for ${office.name.replace('Statsforvalteren i ', '')}`,
    counties: [...office.countyNumbers],
    members,
    meetings,
  };
}
