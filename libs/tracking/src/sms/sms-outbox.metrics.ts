import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { MetricsRegistry } from '../../../observability/src';

/** The SMS outbox's backlog, registered by its owner on the process's registry and read when Prometheus scrapes. */
@Injectable()
export class SmsOutboxMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const { dataSource } = this;
    new Gauge({
      name: 'motcua_sms_outbox_pending',
      help: 'Outbound SMS waiting to be sent',
      registers: [this.metrics.registry],
      async collect() {
        const [row] = await dataSource.query(`SELECT count(*) AS n FROM sms_outbox WHERE status = 'pending'`);
        this.set(Number(row?.n ?? 0));
      },
    });
  }
}
