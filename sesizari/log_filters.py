import logging


class ClientErrorsWithoutTraceback(logging.Filter):
    """Log refused requests (4xx) in one line.

    Django attaches the exception to every 403 and 404 it logs; a traceback
    there is noise, not a fault of ours.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
