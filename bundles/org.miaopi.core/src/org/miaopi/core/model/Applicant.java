package org.miaopi.core.model;

/** Who applies: a natural person or a legal person. */
public sealed interface Applicant permits NaturalPerson, LegalPerson {

	String name();

	/** The identifier shared-record sources are queried by: resident ID or credit code. */
	String subjectId();
}
