package org.miaopi.demo;

import java.util.List;

import org.miaopi.core.model.Department;
import org.miaopi.matter.elderallowance.ElderlyAllowance;
import org.miaopi.matter.gradhukou.GraduateResidence;
import org.miaopi.matter.nocriminalrecord.NoCriminalRecord;
import org.miaopi.matter.pharmacy.BusinessLicence;
import org.miaopi.matter.pharmacy.DrugRetail;
import org.miaopi.matter.pharmacy.FoodBusiness;
import org.miaopi.matter.pharmacy.MedicalDeviceFiling;
import org.miaopi.matter.pharmacy.Pharmacy;
import org.miaopi.matter.ridehailing.RideHailingDriver;
import org.miaopi.matter.training.NonEnterpriseRegistration;
import org.miaopi.matter.training.SchoolPermit;
import org.miaopi.matter.training.Training;

/** The departments of the source articles (Shenzhen, Bao'an) and the matters the demo generates dossiers for. */
public final class DemoCatalog {

	public static final String THEME_PHARMACY = Pharmacy.CODE;
	public static final String THEME_TRAINING = Training.CODE;

	/**
	 * The city's supervision office (监察): no matters of its own; its city supervisor supervises every
	 * department. Kept apart from {@link #DEPARTMENTS}, which decide dossiers; its seal seals supervision reports ({@link #SEALED}).
	 */
	public static final Department SUPERVISION_OFFICE = new Department("SZJCJ", "深圳市监察局",
			"Shenzhen Supervision Office");

	public static final List<Department> DEPARTMENTS = List.of(
			new Department("SZPSB", "深圳市公安局", "Shenzhen Public Security Bureau"),
			new Department("SZMCA", "深圳市民政局", "Shenzhen Civil Affairs Bureau"),
			new Department("SZAMR", "深圳市市场监督管理局", "Shenzhen Administration for Market Regulation"),
			new Department("SZMPA", "深圳市药品监督管理局", "Shenzhen Medical Products Administration"),
			new Department("SZEDU", "深圳市教育局", "Shenzhen Education Bureau"),
			new Department("SZTRB", "深圳市交通运输局", "Shenzhen Transport Bureau"));

	/**
	 * Every demo department with a seal: the deciding departments (certificates) and the supervision
	 * office (sealed supervision reports).
	 */
	public static final List<Department> SEALED = java.util.stream.Stream
			.concat(DEPARTMENTS.stream(), java.util.stream.Stream.of(SUPERVISION_OFFICE)).toList();

	/**
	 * The demo's matters, taken from the matter plugins' own definitions (department, time limit,
	 * materials, sources), in the order the generator draws them; singles first.
	 */
	public static final List<DemoMatter> MATTERS = List.of(
			DemoMatter.of(new GraduateResidence(), null),
			DemoMatter.of(new ElderlyAllowance(), null),
			DemoMatter.of(new NoCriminalRecord(), null),
			DemoMatter.of(new RideHailingDriver(), null),
			DemoMatter.of(new BusinessLicence(), THEME_PHARMACY),
			DemoMatter.of(new DrugRetail(), THEME_PHARMACY),
			DemoMatter.of(new FoodBusiness(), THEME_PHARMACY),
			DemoMatter.of(new MedicalDeviceFiling(), THEME_PHARMACY),
			DemoMatter.of(new SchoolPermit(), THEME_TRAINING),
			DemoMatter.of(new NonEnterpriseRegistration(), THEME_TRAINING));

	private DemoCatalog() {
	}

	public static List<DemoMatter> theme(String themeCode) {
		return MATTERS.stream().filter(m -> themeCode.equals(m.themeCode())).toList();
	}
}
