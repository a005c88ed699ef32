import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { DeploymentService } from '../services/deployment.service';
import { DefinitionQueryDto } from './dtos/definition-query.dto';
import { XmlQueryDto } from './dtos/xml-query.dto';

/** An uploaded multipart file (memory storage; size capped by the Multer options of WorkflowModule). */
interface UploadedBpmn {
  buffer: Buffer;
}

@ApiTags('definitions')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/definitions')
export class DefinitionController {
  constructor(private readonly deployments: DeploymentService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Deploy BPMN (text/xml body or multipart field "file"); each key gets version n+1' })
  @ApiConsumes('text/xml', 'application/xml', 'multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file'))
  deploy(@Body() body: unknown, @UploadedFile() file: UploadedBpmn | undefined, @CurrentUser() user: AuthUser) {
    return this.deployments.deploy(file ? file.buffer.toString('utf8') : body, user.username, { unitCode: user.unitCode });
  }

  @Post('validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Validate BPMN without deploying: {valid, errors, warnings}, each {elementId, code, message}' })
  @ApiConsumes('text/xml', 'application/xml')
  validate(@Body() body: unknown) {
    return this.deployments.validate(body);
  }

  @Get()
  @ApiOperation({ summary: 'Deployed definitions, every version, by key' })
  list(@Query() query: DefinitionQueryDto) {
    return this.deployments.list(query.limit, query.offset, query.key);
  }

  @Get(':key/xml')
  @ApiProduces('text/xml')
  @ApiOperation({ summary: 'The deployed XML (latest, or ?version=)' })
  async xml(@Param('key') key: string, @Query() query: XmlQueryDto, @Res({ passthrough: true }) res: Response) {
    const { xml } = await this.deployments.getXml(key, query.version);
    // Set only on success: an error must still go out as JSON.
    res.type('text/xml; charset=utf-8');
    return xml;
  }
}
