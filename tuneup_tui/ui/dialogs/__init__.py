"""The modal dialogs: a form or a choice each, returning its result on dismiss."""
