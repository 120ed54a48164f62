import { topicsFor } from './topics';

/** A topic by its role (`ledgerCommands`), so the table holds under any topic namespace. */
export type TopicRole = keyof ReturnType<typeof topicsFor>;

/**
 * What one Kafka principal (a SASL user, named as its service) may do. Plain data: the broker's ACLs
 * (libs/kafka aclsFor) and the k8s KafkaUser resources are derived from it; anything not listed is
 * refused by the broker.
 */
export interface TopicAccess {
  readonly principal: string;
  /** Topics it produces to. */
  readonly writes: readonly TopicRole[];
  /** Input topics whose `.dlq` twin it produces to (it rejects what they carry). */
  readonly deadLetters: readonly TopicRole[];
  readonly reads: readonly TopicRole[];
  /** Input topics whose `.dlq` twin it reads (the clearing API's live view of rejects). */
  readonly deadLetterReads?: readonly TopicRole[];
  /**
   * Prefix of its consumer groups and transactional ids: every one a service uses starts with its name
   * and a dot (`position-aggregator.writer`). Absent for producers outside the system.
   */
  readonly idPrefix?: string;
}

const service = (
  principal: string,
  access: Pick<TopicAccess, 'writes' | 'deadLetters' | 'reads' | 'deadLetterReads'>,
): TopicAccess => ({ principal, ...access, idPrefix: `${principal}.` });

/**
 * Who may say what. Only the journal writer and the services that own a privileged command write
 * ledger.commands.v1; upstream matching engines and oracle feeds write only their own input topic.
 * The CLI (provisioning, verify, replay, operator commands) runs as the cluster's admin (a super user).
 */
export const TOPIC_ACCESS: readonly TopicAccess[] = [
  { principal: 'matching-engine', writes: ['fills'], deadLetters: [], reads: [] },
  { principal: 'oracle-feed', writes: ['oraclePrices'], deadLetters: [], reads: [] },
  service('position-aggregator', {
    writes: ['ledgerCommands', 'ledgerJournal', 'settlements'],
    deadLetters: ['fills', 'ledgerCommands'],
    reads: ['fills', 'ledgerCommands', 'ledgerJournal', 'marks'],
  }),
  service('valuation-oracle', {
    writes: ['marks'],
    deadLetters: ['oraclePrices'],
    reads: ['oraclePrices', 'marks'],
  }),
  service('margin-calculator', {
    writes: ['margin', 'ledgerCommands'],
    deadLetters: [],
    reads: ['ledgerJournal', 'marks', 'margin'],
  }),
  service('deleveraging-engine', {
    writes: ['ledgerCommands', 'liquidations', 'riskSummaries'],
    deadLetters: [],
    reads: ['ledgerJournal', 'marks', 'margin', 'riskSummaries'],
  }),
  // Publishes operators' and account holders' commands; streams margin, liquidations, settlements and
  // the rejects (the .dlq twins) to its HTTP clients.
  service('clearing-api', {
    writes: ['ledgerCommands'],
    deadLetters: [],
    reads: ['margin', 'liquidations', 'settlements'],
    deadLetterReads: ['fills', 'oraclePrices', 'ledgerCommands'],
  }),
];
