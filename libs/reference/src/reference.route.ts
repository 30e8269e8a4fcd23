import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRead, RequestValidationError } from '#libs/http';
import { CLOCK, type Clock } from '#libs/kernel';
import {
  budgetCategories,
  counties,
  MAX_SCHEME_YEARS,
  municipalities,
  offices,
  schemes,
  themes,
  universities,
} from './catalog/reference-catalog.js';
import {
  BudgetCategoryView,
  CountyView,
  MunicipalityQueryDto,
  MunicipalityView,
  OfficeView,
  SchemeQueryDto,
  SchemeView,
  ThemeView,
  UniversityView,
} from './catalog/reference.view.js';

/** Read-only reference data for building forms: every authenticated user. */
@ApiTags('reference')
@ApiBearerAuth('bearer')
@Controller('reference')
export class ReferenceRoute {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @Get('offices')
  @ApiOperation({ summary: 'The governor offices: code, name, org number and the counties each covers' })
  @ApiOkResponse({ type: [OfficeView] })
  @ApiRead({ asOf: false })
  offices() {
    return offices();
  }

  @Get('counties')
  @ApiOperation({ summary: 'The 15 counties of 2024 and the office covering each' })
  @ApiOkResponse({ type: [CountyView] })
  @ApiRead({ asOf: false })
  counties() {
    return counties();
  }

  @Get('municipalities')
  @ApiOperation({ summary: 'The 357 municipalities of 2024, or those of one county (?county=11)' })
  @ApiOkResponse({ type: [MunicipalityView] })
  @ApiRead({ asOf: false })
  municipalities(@Query() query: MunicipalityQueryDto) {
    return municipalities(query.county);
  }

  @Get('universities')
  @ApiOperation({ summary: 'Universities and university colleges that educate teachers (R3 partners)' })
  @ApiOkResponse({ type: [UniversityView] })
  @ApiRead({ asOf: false })
  universities() {
    return universities();
  }

  @Get('schemes')
  @ApiOperation({
    summary: 'Each scheme with its rule set per year: R7/R8 co-financing, R6 coordinator cap, R14 default dates, governor role',
  })
  @ApiOkResponse({ type: [SchemeView] })
  @ApiRead({ asOf: false })
  schemes(@Query() query: SchemeQueryDto) {
    const from = query.from ?? Number(this.clock.today().slice(0, 4));
    const to = query.to ?? Math.min(from + 1, 2100);
    if (to < from) throw new RequestValidationError([{ field: 'to', rule: 'min', message: 'to must not be before from' }]);
    if (to - from + 1 > MAX_SCHEME_YEARS)
      throw new RequestValidationError([{ field: 'to', rule: 'max', message: `at most ${MAX_SCHEME_YEARS} years at once` }]);
    return schemes(from, to, query.scheme);
  }

  @Get('themes')
  @ApiOperation({ summary: "The national goals a needs assessment's themes.goals accepts (free themes go in themes.tags)" })
  @ApiOkResponse({ type: [ThemeView] })
  @ApiRead({ asOf: false })
  themes() {
    return themes();
  }

  @Get('budget-categories')
  @ApiOperation({ summary: "The categories a measure's money lines accept (R6)" })
  @ApiOkResponse({ type: [BudgetCategoryView] })
  @ApiRead({ asOf: false })
  budgetCategories() {
    return budgetCategories();
  }
}
