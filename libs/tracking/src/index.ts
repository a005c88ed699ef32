export * from './tracking.module';
export * from './domain/sms-text';
export * from './domain/sms-command';
export * from './domain/masked-name';
export * from './sms/sms.provider';
export * from './sms/sms-outbox.sender';
