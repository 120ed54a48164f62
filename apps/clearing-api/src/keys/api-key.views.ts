import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyRecord, ROLES, Role } from '@clearing/access';
import { PageInfo } from '../http/pagination';

export class ApiKeyView implements ApiKeyRecord {
  @ApiProperty({ example: '3f9c2a7e1b4d6058', description: 'Public id of the key (its first part)' })
  keyId!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: String, nullable: true, example: 'ACME', description: 'Set for account keys only' })
  accountId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'ACME trading front end' })
  label!: string | null;

  @ApiProperty({ example: 'key:0a1b2c3d4e5f6071', description: 'Creating key id, or cli:<user>' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;
}

export class CreatedApiKey extends ApiKeyView {
  @ApiProperty({
    example: 'ck_3f9c2a7e1b4d6058_q8Hn2m0Yv9bW1xK4rT6uE3sA7dF5gJ2lP0oI9zC8vB1',
    description: 'The whole key, shown this once: send it as `Authorization: Bearer <key>`',
  })
  key!: string;
}

export class ApiKeyList {
  @ApiProperty({ type: [ApiKeyView] })
  items!: ApiKeyView[];

  @ApiProperty({ type: PageInfo })
  page!: PageInfo;
}
