/** One SMS as handed to a gateway. */
export interface SmsMessage {
  id: string;
  phone: string;
  body: string;
}

/**
 * The SMS gateway interface. A deployment plugs in its operator's provider; the default keeps
 * messages in the local outbox (status `stored`), where staff and tests can read them.
 */
export interface SmsGateway {
  readonly name: string;
  /** Delivers one message; resolves to the status to record. Throwing counts as a failed attempt. */
  deliver(message: SmsMessage): Promise<'sent' | 'stored'>;
}

/** The default provider: nothing leaves the machine; the outbox row is the record. */
export const localOutboxGateway: SmsGateway = {
  name: 'local-outbox',
  async deliver() {
    return 'stored';
  },
};
