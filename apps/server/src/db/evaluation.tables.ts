/**
 * Row types of the cadre tables (migrations 2026120711_evaluation, 2026120712_awards_mentoring):
 * evaluation cycles, scorings and the residents' survey; awards; mentoring; training.
 * `DB` in schema.ts extends this.
 */
type Flag = number; // 0 | 1

export interface EvalCycleTable {
  id: string;
  name: string;
  period: string;
  periodFrom: string;
  periodTo: string;
  areaCode: string;
  peerGroupBy: string;
  /** JSON: { sourceWeights, itemWeights, quotas, objectiveShare }. */
  config: string;
  state: string;
  createdBy: string;
  createdAt: string;
  closedBy: string | null;
  closedAt: string | null;
}
export interface EvalCycleUnitTable {
  cycleId: string;
  unitId: string;
  score: number | null;
  rank: number | null;
}
export interface EvalMemberTable {
  cycleId: string;
  userId: string;
  unitId: string;
  peerGroup: string;
  score: number | null;
  rank: number | null;
  groupSize: number | null;
  grade: string | null;
  /** JSON of the breakdown, written at closing. */
  result: string | null;
}
export interface EvalScoreTable {
  id: string;
  cycleId: string;
  memberUserId: string;
  source: string;
  scorerUserId: string;
  de: number;
  neng: number;
  qin: number;
  ji: number;
  lian: number;
  comment: string | null;
  createdAt: string;
}
export interface EvalBallotTable {
  id: string;
  cycleId: string;
  phoneKey: string;
  createdAt: string;
}
export interface EvalBallotAnswerTable {
  ballotId: string;
  cycleId: string;
  memberUserId: string;
  result: string;
}
export interface EvalSurveyOtpTable {
  id: string;
  cycleId: string;
  phoneKey: string;
  otpHash: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface AwardKindTable {
  id: string;
  name: string;
  nameEn: string;
  subject: string;
  description: string | null;
  createdAt: string;
}
export interface AwardTable {
  id: string;
  kindId: string;
  title: string;
  areaCode: string;
  periodFrom: string;
  periodTo: string;
  decideBy: string;
  winnersMax: number;
  state: string;
  createdBy: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  publishedAt: string | null;
}
export interface AwardCandidateTable {
  awardId: string;
  subjectId: string;
  unitId: string;
  reason: string | null;
  figure: number | null;
  isWinner: Flag;
}
export interface AwardVoteTable {
  awardId: string;
  voterUserId: string;
  subjectId: string;
  createdAt: string;
}

export interface MentorPairTable {
  id: string;
  mentorUserId: string;
  menteeUserId: string;
  unitId: string;
  areaCode: string;
  goals: string;
  startsOn: string;
  endsOn: string;
  state: string;
  review: string | null;
  reviewRating: string | null;
  closedAt: string | null;
  createdBy: string;
  createdAt: string;
}
export interface MentoringRecordTable {
  id: string;
  pairId: string;
  kind: string;
  text: string;
  refId: string | null;
  occurredOn: string;
  createdAt: string;
  mentorComment: string | null;
  commentedAt: string | null;
}
export interface TrainingSessionTable {
  id: string;
  title: string;
  areaCode: string;
  heldOn: string;
  hours: number;
  place: string | null;
  createdBy: string;
  createdAt: string;
}
export interface TrainingAttendanceTable {
  sessionId: string;
  userId: string;
  hours: number;
  recordedBy: string;
  recordedAt: string;
}

export interface EvaluationTables {
  evalCycles: EvalCycleTable;
  evalCycleUnits: EvalCycleUnitTable;
  evalMembers: EvalMemberTable;
  evalScores: EvalScoreTable;
  evalBallots: EvalBallotTable;
  evalBallotAnswers: EvalBallotAnswerTable;
  evalSurveyOtps: EvalSurveyOtpTable;
  awardKinds: AwardKindTable;
  awards: AwardTable;
  awardCandidates: AwardCandidateTable;
  awardVotes: AwardVoteTable;
  mentorPairs: MentorPairTable;
  mentoringRecords: MentoringRecordTable;
  trainingSessions: TrainingSessionTable;
  trainingAttendance: TrainingAttendanceTable;
}
