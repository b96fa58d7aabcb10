"""JSON Schemas of the GeoReport v2 answers, written from the specification.

The element orders are the specification's, for the XML checks.
"""

W3C_DATETIME = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$"

NULLABLE_TEXT = {"type": ["string", "null"]}
DATETIME = {"type": "string", "pattern": W3C_DATETIME}
NULLABLE_DATETIME = {"type": ["string", "null"], "pattern": W3C_DATETIME}

ERRORS = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["code", "description"],
        "additionalProperties": False,
        "properties": {
            "code": {"type": "integer", "enum": [400, 403, 404]},
            "description": {"type": "string", "minLength": 1},
        },
    },
}

DISCOVERY = {
    "type": "object",
    "required": ["changeset", "contact", "key_service", "endpoints"],
    "additionalProperties": False,
    "properties": {
        "changeset": DATETIME,
        "contact": {"type": "string"},
        "key_service": {"type": "string"},
        "endpoints": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["specification", "url", "changeset", "type", "formats"],
                "additionalProperties": False,
                "properties": {
                    "specification": {"const": "http://wiki.open311.org/GeoReport_v2"},
                    "url": {"type": "string", "pattern": "^https?://"},
                    "changeset": DATETIME,
                    "type": {"enum": ["production", "test"]},
                    "formats": {
                        "type": "array",
                        "items": {"enum": ["text/xml", "application/json"]},
                    },
                },
            },
        },
    },
}

SERVICE_FIELDS = (
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
)
SERVICES = {
    "type": "array",
    "items": {
        "type": "object",
        "required": list(SERVICE_FIELDS),
        "additionalProperties": False,
        "properties": {
            "service_code": {"type": "string", "minLength": 1},
            "service_name": {"type": "string", "minLength": 1},
            "description": {"type": "string"},
            "metadata": {"type": "boolean"},
            "type": {"enum": ["realtime", "batch", "blackbox"]},
            "keywords": {"type": "string"},
            "group": {"type": "string"},
        },
    },
}

ATTRIBUTE_FIELDS = (
    "variable",
    "code",
    "datatype",
    "required",
    "datatype_description",
    "order",
    "description",
    "values",
)
SERVICE_DEFINITION = {
    "type": "object",
    "required": ["service_code", "attributes"],
    "additionalProperties": False,
    "properties": {
        "service_code": {"type": "string"},
        "attributes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": list(ATTRIBUTE_FIELDS),
                "properties": {
                    "variable": {"type": "boolean"},
                    "code": {"type": "string"},
                    "datatype": {
                        "enum": [
                            "string",
                            "number",
                            "datetime",
                            "text",
                            "singlevaluelist",
                            "multivaluelist",
                        ]
                    },
                    "required": {"type": "boolean"},
                    "datatype_description": NULLABLE_TEXT,
                    "order": {"type": "integer", "minimum": 1},
                    "description": {"type": "string"},
                    "values": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["key", "name"],
                        },
                    },
                },
            },
        },
    },
}

REQUEST_FIELDS = (
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
)
REQUESTS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": list(REQUEST_FIELDS),
        "additionalProperties": False,
        "properties": {
            "service_request_id": {"type": "integer"},
            "status": {"enum": ["open", "closed"]},
            "status_notes": NULLABLE_TEXT,
            "service_name": {"type": "string"},
            "service_code": {"type": "string"},
            "description": {"type": "string", "maxLength": 4000},
            "agency_responsible": NULLABLE_TEXT,
            "service_notice": NULLABLE_TEXT,
            "requested_datetime": DATETIME,
            "updated_datetime": DATETIME,
            "expected_datetime": NULLABLE_DATETIME,
            "address": {"type": "string"},
            "address_id": NULLABLE_TEXT,
            "zipcode": NULLABLE_TEXT,
            "lat": {"type": "number", "minimum": -90, "maximum": 90},
            "long": {"type": "number", "minimum": -180, "maximum": 180},
            "media_url": {"type": ["string", "null"], "pattern": "^https?://"},
        },
    },
}

CREATED = {
    "type": "array",
    "minItems": 1,
    "maxItems": 1,
    "items": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "service_request_id": {"type": "integer"},
            "token": {"type": "string", "minLength": 16},
            "service_notice": NULLABLE_TEXT,
            "account_id": NULLABLE_TEXT,
        },
        # The specification: an id or a token, never both.
        "oneOf": [
            {"required": ["service_request_id"], "not": {"required": ["token"]}},
            {"required": ["token"], "not": {"required": ["service_request_id"]}},
        ],
    },
}

TOKEN = {
    "type": "array",
    "minItems": 1,
    "maxItems": 1,
    "items": {
        "type": "object",
        "required": ["service_request_id", "token"],
        "additionalProperties": False,
        "properties": {
            "service_request_id": {"type": ["integer", "null"]},
            "token": {"type": "string"},
        },
    },
}

UPDATE_FIELDS = (
    "update_id",
    "service_request_id",
    "status",
    "updated_datetime",
    "description",
    "media_url",
)
UPDATES = {
    "type": "array",
    "items": {
        "type": "object",
        "required": list(UPDATE_FIELDS),
        "additionalProperties": False,
        "properties": {
            "update_id": {"type": "integer"},
            "service_request_id": {"type": "integer"},
            "status": {
                "enum": [
                    "open",
                    "in_progress",
                    "action_scheduled",
                    "fixed",
                    "closed",
                    "internal_referral",
                    "not_councils_responsibility",
                    "no_further_action",
                ]
            },
            "updated_datetime": DATETIME,
            "description": {"type": "string"},
            "media_url": {"type": ["string", "null"]},
        },
    },
}
