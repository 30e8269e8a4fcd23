export const SQL_CLIENT = Symbol('SQL_CLIENT');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const PROJECTION_ENGINE = Symbol('PROJECTION_ENGINE');
export const DEKOMP_CONFIG = Symbol('DEKOMP_CONFIG');
export const OPEN_DATABASE = Symbol('OPEN_DATABASE');
