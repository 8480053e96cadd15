-- The Message-ID the SMTP server accepted a mail under, recorded in its own transaction right
-- after the server took it: a retried job finds the mail sent and never sends it again.
alter table outbound_mail add column message_id varchar(300);
