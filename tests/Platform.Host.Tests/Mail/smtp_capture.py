"""An aiosmtpd handler for the mail tests: appends each message it accepts to a file, one JSON line per message
(Message-ID, envelope recipients, decoded subject, attachment names). Started by LocalSmtpServer.cs as
    python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_capture.Capture CAPTURE_FILE
with this folder on PYTHONPATH."""
import email
import email.policy
import json


class Capture:
    def __init__(self, path):
        self.path = path

    @classmethod
    def from_cli(cls, parser, *args):
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        record = {
            "messageId": str(message.get("Message-ID", "")),
            "from": envelope.mail_from,
            "to": list(envelope.rcpt_tos),
            "subject": str(message.get("Subject", "")),
            "text": (message.get_body(("plain",)) or message).get_content(),
            "attachments": [part.get_filename() for part in message.iter_attachments()],
        }
        # One write per line, flushed before the server answers 250: what the platform saw accepted is on disk.
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            f.flush()
        return "250 OK"
