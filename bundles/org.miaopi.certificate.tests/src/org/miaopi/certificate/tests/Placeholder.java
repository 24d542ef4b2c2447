package org.miaopi.certificate.tests;
class Placeholder {}
