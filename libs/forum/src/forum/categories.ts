/** Categories of forum members (R11). */
export const MEMBER_CATEGORIES = ['school_owner_public', 'school_owner_private', 'university', 'ks', 'teacher_union', 'other'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];

/** R11: a forum without a member in each of these gets a warning on every recommendation ('other' is by invitation). */
export const REQUIRED_CATEGORIES: readonly MemberCategory[] = [
  'school_owner_public',
  'school_owner_private',
  'university',
  'ks',
  'teacher_union',
];

export const CATEGORY_LABELS: Record<MemberCategory, string> = {
  school_owner_public: 'public school owners',
  school_owner_private: 'private school owners',
  university: 'universities with a tie to the region',
  ks: 'KS',
  teacher_union: 'teacher unions',
  other: 'others invited',
};
