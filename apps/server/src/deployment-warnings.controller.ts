import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../libs/common/src';
import { publicUrlIsDefault, setting } from '../../../libs/config/src';

/** One thing an administrator should have the operators fix; the web app words it in Vietnamese by `code`. */
export class DeploymentWarningDto {
  @ApiProperty({ enum: ['PUBLIC_URL_DEFAULT'] }) code: 'PUBLIC_URL_DEFAULT';
  @ApiProperty({ description: 'The value in force (the development default)', example: 'http://localhost:3000' })
  publicUrl: string;
}

export class DeploymentWarningsDto {
  @ApiProperty({ type: [DeploymentWarningDto] }) warnings: DeploymentWarningDto[];
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
  @ApiOkResponse({ type: DeploymentWarningsDto })
  list(): DeploymentWarningsDto {
    const warnings: DeploymentWarningDto[] = [];
    if (publicUrlIsDefault()) warnings.push({ code: 'PUBLIC_URL_DEFAULT', publicUrl: setting('PUBLIC_URL')! });
    return { warnings };
  }
}
