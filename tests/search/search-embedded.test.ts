import { describe } from 'vitest';
import { searchContract } from './search-contract.ts';
import { searchApp } from './search-fixtures.ts';

describe('embedded search contract', () => {
  searchContract(() => searchApp());
});
