-- The xAPI version each client's content speaks (1.0.3 or 2.0.0): the version the LRS names when
-- it refuses that client's request for lacking X-Experience-API-Version.
alter table lrs_client add column xapi_version varchar(8) default '2.0.0' not null;
