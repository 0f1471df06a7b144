"""A flask-smorest Blueprint whose invalid input answers 400, like the earlier API."""

from flask_smorest import Blueprint as SmorestBlueprint
from flask_smorest.arguments import ArgumentsMixin

PARSER = type(ArgumentsMixin.ARGUMENTS_PARSER)()
PARSER.DEFAULT_VALIDATION_STATUS = 400


class Blueprint(SmorestBlueprint):
    ARGUMENTS_PARSER = PARSER
