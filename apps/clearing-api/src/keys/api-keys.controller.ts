import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiKeyStore,
  KEY_ID_SCHEMA_PATTERN,
  KeyBindingError,
  NewApiKey,
  Principal,
  ROLES,
} from '@clearing/access';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/principal';
import { PAGE_PROPERTIES, PageQuery, paged } from '../http/pagination';
import { Problem } from '../http/problem';
import { ACCOUNT_ID, ApiQuerySchema, ObjectSchema, SchemaPipe, ValidBody } from '../http/schema-validation';
import { ApiKeyList, ApiKeyView, CreatedApiKey } from './api-key.views';

const CREATE_KEY_SCHEMA: ObjectSchema = {
  type: 'object',
  required: ['role'],
  additionalProperties: false,
  properties: {
    role: { type: 'string', enum: [...ROLES] },
    accountId: { ...ACCOUNT_ID, description: 'Required for (and only for) an account key' },
    label: { type: 'string', minLength: 1, maxLength: 200, description: 'Whose key, what for' },
  },
};
const KEY_ID_SCHEMA: ObjectSchema = {
  type: 'object',
  required: ['keyId'],
  additionalProperties: false,
  properties: { keyId: { type: 'string', pattern: KEY_ID_SCHEMA_PATTERN } },
};
const LIST_SCHEMA: ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { ...PAGE_PROPERTIES },
};

/** Admins issue and revoke API keys. The very first admin key comes from `clearing keys create`. */
@ApiTags('admin')
@Allow('admin')
@Controller('v1/admin/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeyStore) {}

  @Post()
  @ApiOperation({ summary: 'Issue a key; its secret is in this response only' })
  @ValidBody(CREATE_KEY_SCHEMA)
  @ApiCreatedResponse({ type: CreatedApiKey })
  async create(
    @Body(new SchemaPipe(CREATE_KEY_SCHEMA, 'body')) body: Omit<NewApiKey, 'createdBy'>,
    @CurrentPrincipal() admin: Principal,
  ): Promise<CreatedApiKey> {
    try {
      const { record, token } = await this.keys.create({ ...body, createdBy: `key:${admin.keyId}` });
      return { ...record, key: token };
    } catch (error) {
      if (error instanceof KeyBindingError) throw new BadRequestException(error.message);
      throw error;
    }
  }

  @Get()
  @ApiOperation({ summary: 'Every key, revoked ones included (never a secret or its hash)' })
  @ApiQuerySchema(LIST_SCHEMA)
  @ApiOkResponse({ type: ApiKeyList })
  async list(@Query(new SchemaPipe(LIST_SCHEMA, 'query')) page: PageQuery): Promise<ApiKeyList> {
    return paged(await this.keys.list({ limit: page.limit + 1, offset: page.offset }), page);
  }

  @Delete(':keyId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a key: refused from its next request on' })
  @ApiOkResponse({ type: ApiKeyView })
  @ApiNotFoundResponse({ type: Problem, description: 'No live key with this id' })
  async revoke(@Param(new SchemaPipe(KEY_ID_SCHEMA, 'path')) params: { keyId: string }): Promise<ApiKeyView> {
    if (!(await this.keys.revoke(params.keyId))) throw new NotFoundException(`no live key ${params.keyId}`);
    return (await this.keys.find(params.keyId))!;
  }
}
