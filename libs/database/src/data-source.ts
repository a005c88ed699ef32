import { DataSource } from 'typeorm';
import { databaseOptions } from './database.config';

/** For the TypeORM CLI: `typeorm migration:run -d dist/libs/database/src/data-source.js`. */
export default new DataSource(databaseOptions());
