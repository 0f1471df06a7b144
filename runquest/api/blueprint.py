"""A flask-smorest Blueprint whose invalid input answers 400, like the earlier API."""

from flask_smorest import Blueprint as SmorestBlueprint
from flask_smorest.arguments import ArgumentsMixin


class RunQuestParser(type(ArgumentsMixin.ARGUMENTS_PARSER)):
    DEFAULT_VALIDATION_STATUS = 400

    def _raw_load_json(self, req):
        try:
            return super()._raw_load_json(req)
        except ValueError as error:
            if isinstance(error, UnicodeDecodeError) or getattr(error, "doc", None) is not None:
                raise  # webargs answers these itself (empty body, malformed JSON, bad encoding)
            # Valid JSON syntax that Python will not load, e.g. an integer of 5,000 digits.
            self._handle_invalid_json_error(error, req)
        except RecursionError as error:
            self._handle_invalid_json_error(error, req)


class Blueprint(SmorestBlueprint):
    ARGUMENTS_PARSER = RunQuestParser()
