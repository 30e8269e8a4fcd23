export { ReasonDto as RevokeAllocationDto } from '../../common/dto-decorators.js';
