export { ReasonDto as RevokeAllocationDto } from '../../shared/dto-decorators.js';
