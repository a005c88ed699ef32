import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../libs/common/src';
import { publicUrlIsDefault, setting } from '../../../libs/config/src';

/** One thing an administrator should have the operators fix; the web app words it in Vietnamese by `code`. */
export interface DeploymentWarning {
  code: 'PUBLIC_URL_DEFAULT';
  /** The value in force (the development default). */
  publicUrl: string;
}

/**
 * Settings still at a development default that citizens would notice (issue 20): while
 * `PUBLIC_URL` is unset, every QR code and printed lookup link points to http://localhost:3000.
 * The administrators' console shows each as a banner.
 */
@ApiTags('admin')
@Roles('admin')
@Controller('api/admin/deployment-warnings')
export class DeploymentWarningsController {
  @Get()
  @ApiOperation({ summary: 'Deployment settings still at a development default (PUBLIC_URL_DEFAULT)' })
  list(): { warnings: DeploymentWarning[] } {
    const warnings: DeploymentWarning[] = [];
    if (publicUrlIsDefault()) warnings.push({ code: 'PUBLIC_URL_DEFAULT', publicUrl: setting('PUBLIC_URL')! });
    return { warnings };
  }
}
