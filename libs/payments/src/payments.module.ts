import { Module } from '@nestjs/common';
import { DossiersModule } from '../../dossiers/src';
import { VnpayIpnController } from './controllers/vnpay-ipn.controller';
import { PAYMENT_PROVIDER } from './payment-provider';
import { PaymentsRepository } from './services/payments.repository';
import { PaymentsService } from './services/payments.service';
import { VnpayProvider } from './vnpay/vnpay.provider';

/** Fee payments through a signed-redirect gateway (issue 18 item 5, ADR 0029); VNPay is the one provider. */
@Module({
  imports: [DossiersModule],
  controllers: [VnpayIpnController],
  providers: [PaymentsRepository, PaymentsService, { provide: PAYMENT_PROVIDER, useClass: VnpayProvider }],
  exports: [PaymentsService],
})
export class PaymentsModule {}
