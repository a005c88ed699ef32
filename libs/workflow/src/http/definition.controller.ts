import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, CurrentUser, Roles, type AuthUser } from '../../../common/src';
import { DeploymentService } from '../services/deployment.service';
import { OwnershipService } from '../ownership/ownership.service';
import { OwnerQueryDto } from './dtos/owner-query.dto';
import { PartnersDto } from './dtos/partners.dto';
import { DefinitionQueryDto } from './dtos/definition-query.dto';
import { XmlQueryDto } from './dtos/xml-query.dto';
import { BpmnValidationDto, DefinitionPageDto, DeployResultDto, KeyOwnershipDto } from './dtos/definition.response';

/** What the parser refuses before any rule runs (400, engine-error.mapper). */
const BPMN_UNREADABLE = [
  'BPMN_MISSING',
  'BPMN_MALFORMED',
  'BPMN_NOT_BPMN',
  'BPMN_DOCTYPE_FORBIDDEN',
  'BPMN_INVALID_CHARACTER',
  'BPMN_TOO_DEEP',
  'BPMN_TOO_MANY_ELEMENTS',
] as const;

/** An uploaded multipart file (memory storage; size capped by the Multer options of WorkflowModule). */
interface UploadedBpmn {
  buffer: Buffer;
}

@ApiTags('definitions')
@Roles('admin')
@Controller('api/definitions')
export class DefinitionController {
  constructor(
    private readonly deployments: DeploymentService,
    private readonly ownership: OwnershipService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Deploy BPMN (text/xml body or multipart field "file"); each key gets version n+1. A new key belongs to the deployer\'s unit (or ?owner= below it); 403 ADMIN_SCOPE on a key owned elsewhere, UNIT_NOT_ADMINISTERED for steps on units neither administered nor partners',
  })
  @ApiConsumes('text/xml', 'application/xml', 'multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: DeployResultDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED', ...BPMN_UNREADABLE, 'BPMN_INVALID', 'UNIT_NOT_FOUND'],
    403: ['ADMIN_SCOPE', 'UNIT_NOT_ADMINISTERED', 'CALLED_PROCESS_NOT_ADMINISTERED'],
    413: ['PAYLOAD_TOO_LARGE'],
  })
  @UseInterceptors(FileInterceptor('file'))
  deploy(
    @Body() body: unknown,
    @UploadedFile() file: UploadedBpmn | undefined,
    @Query() query: OwnerQueryDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.deployments.deploy(file ? file.buffer.toString('utf8') : body, user.username, {
      unitCode: user.unitCode,
      deployer: user,
      ownerUnitCode: query.owner ?? user.unitCode,
    });
  }

  @Post('validate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Validate BPMN without deploying: {valid, errors, warnings}, each {elementId, code, message}',
  })
  @ApiConsumes('text/xml', 'application/xml')
  @ApiBody({ schema: { type: 'string', description: 'The BPMN 2.0 XML' } })
  @ApiOkResponse({ type: BpmnValidationDto })
  @ApiErrors({ 400: BPMN_UNREADABLE, 413: ['PAYLOAD_TOO_LARGE'] })
  validate(@Body() body: unknown) {
    return this.deployments.validate(body);
  }

  @Get()
  @ApiOperation({
    summary: 'Deployed definitions of the keys the administrator manages (every key for the province), every version',
  })
  @ApiOkResponse({ type: DefinitionPageDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  async list(@Query() query: DefinitionQueryDto, @CurrentUser() user: AuthUser) {
    const reach = await this.ownership.reach(user);
    return this.deployments.list(query.limit, query.offset, query.key, reach.root ? undefined : reach.unitCodes);
  }

  @Get(':key/ownership')
  @ApiOperation({ summary: "The key's owning unit and declared partners (404 outside the administrator's reach)" })
  @ApiOkResponse({ type: KeyOwnershipDto })
  @ApiErrors({ 404: ['DEFINITION_NOT_FOUND'] })
  ownershipOf(@Param('key') key: string, @CurrentUser() user: AuthUser) {
    return this.ownership.ownership(user, key);
  }

  @Put(':key/partners')
  @ApiOperation({
    summary: "Declare the inter-agency partners whose units the key's steps may be drawn on (owner's administrators)",
  })
  @ApiOkResponse({ type: KeyOwnershipDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'PARTNERS_INVALID', 'UNIT_NOT_FOUND'], 404: ['DEFINITION_NOT_FOUND'] })
  partners(@Param('key') key: string, @Body() body: PartnersDto, @CurrentUser() user: AuthUser) {
    return this.ownership.setPartners(user, key, body.unitCodes);
  }

  @Get(':key/xml')
  @ApiProduces('text/xml')
  @ApiOperation({ summary: 'The deployed XML (latest, or ?version=)' })
  @ApiOkResponse({
    description: 'The BPMN 2.0 XML as deployed',
    content: { 'text/xml': { schema: { type: 'string' } } },
  })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['DEFINITION_NOT_FOUND'] })
  async xml(
    @Param('key') key: string,
    @Query() query: XmlQueryDto,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() user: AuthUser,
  ) {
    const { xml } = await this.deployments.getXml(key, query.version, user);
    // Set only on success: an error must still go out as JSON.
    res.type('text/xml; charset=utf-8');
    return xml;
  }
}
