/**
 * The one error type of gongkai: a stable English code for programs, an HTTP status, and a
 * Chinese message that the console and portal show as they are (DESIGN.md, "Errors").
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(code, 400, message, details);
export const unauthorized = (code: string, message: string) => new AppError(code, 401, message);
export const forbidden = (message = '您没有执行此操作的权限') => new AppError('FORBIDDEN', 403, message);
export const notFound = (what: string) => new AppError('NOT_FOUND', 404, `${what}不存在`);
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError(code, 409, message, details);
